using BoDashboard.Training.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Tests.Models;

/// <summary>The channels-last layout changes where values live, never what they are.</summary>
public sealed class ChannelsLastTests
{
    [Fact]
    public void The_input_layer_keeps_shape_and_values_and_changes_only_the_layout()
    {
        manual_seed(1);
        using var input = randn(2, 3, 5, 7);
        using var layer = new ChannelsLastInput();
        using var output = layer.call(input);

        Assert.False(ChannelsLast.Is(input));
        Assert.True(ChannelsLast.Is(output));
        Assert.Equal(input.shape, output.shape);
        Assert.True(input.equal(output).all().item<bool>());
    }

    [Fact]
    public void A_permuted_view_that_is_not_dense_is_not_channels_last()
    {
        using var wide = zeros(2, 5, 7, 6);
        // Strides (210, 1, 30, 6) after the permute: channels fastest, but each pixel holds 6 floats for 3 channels.
        using var sliced = wide.permute(0, 3, 1, 2).narrow(1, 0, 3);
        Assert.False(ChannelsLast.Is(sliced));
        using var flat = zeros(4, 6);
        Assert.False(ChannelsLast.Is(flat));
    }

    [Theory]
    [InlineData(3, 2, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(2, 2, 0)]
    public void Pooling_a_channels_last_input_equals_MaxPool2d_and_stays_channels_last(long kernel, long stride, long padding)
    {
        manual_seed(5);
        using var values = randn(4, 6, 13, 11).relu();
        using var reference = MaxPool2d(kernel, stride: stride, padding: padding);
        using var fast = new FastMaxPool2d(kernel, stride, padding);
        using var a = values.clone().requires_grad_(true);
        using var b = ChannelsLast.From(values).requires_grad_(true);

        using var expected = reference.call(a);
        using var actual = fast.call(b);
        Assert.True(ChannelsLast.Is(actual), "the output left the channels-last layout");
        Assert.True(expected.equal(actual).all().item<bool>(), "outputs differ");

        manual_seed(6);
        using var upstream = randn(expected.shape);
        expected.backward([upstream]);
        actual.backward([upstream]);
        Assert.True(a.grad!.equal(b.grad!).all().item<bool>(), "gradients differ");
    }

    [Fact]
    public void The_classic_nets_compute_the_same_as_without_the_layout_change()
    {
        using var model = new ClassicAlexNet(3, 2, dropout: 0);
        model.eval();
        manual_seed(7);
        using var input = randn(2, 3, 131, 131);
        using var noGrad = no_grad();
        using var withLayout = model.call(input);

        // The same weights through the layers without the channels-last input layer.
        var layers = model.named_modules().Where(m => m.name.StartsWith("features.", StringComparison.Ordinal) && m.name != "features.layout").ToList();
        Assert.Contains(model.named_modules(), m => m.name == "features.layout");
        var x = input.alias();
        foreach (var (_, layer) in layers)
        {
            var next = ((Module<Tensor, Tensor>)layer).call(x);
            x.Dispose();
            x = next;
        }
        Assert.False(ChannelsLast.Is(x), "the plain path was channels-last too");
        using var features = x;
        using var pooled = functional.adaptive_avg_pool2d(features, [6, 6]);
        using var flat = pooled.flatten(1);
        var classifier = (Module<Tensor, Tensor>)model.named_children().Single(c => c.name == "classifier").module;
        using var plain = classifier.call(flat);

        Assert.True(plain.allclose(withLayout, rtol: 1e-4, atol: 1e-5), $"largest difference {(plain - withLayout).abs().max().item<float>()}");
    }
}
