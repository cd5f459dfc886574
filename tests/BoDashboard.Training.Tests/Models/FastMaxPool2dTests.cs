using BoDashboard.Training.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Tests.Models;

/// <summary>The fast pooling layer must be indistinguishable from MaxPool2d: outputs and gradients, ties included.</summary>
public sealed class FastMaxPool2dTests
{
    public static TheoryData<long, long, long, string> Cases => new()
    {
        { 3, 2, 1, "random" }, { 3, 2, 0, "random" }, { 2, 2, 0, "random" },
        // After a ReLU many windows hold only zeros: the gradient must go to the same (first) position.
        { 3, 2, 1, "relu" }, { 3, 2, 0, "relu" },
        { 3, 2, 1, "constant" },
    };

    private static Tensor Input(string kind)
    {
        manual_seed(3);
        using var values = randn(5, 7, 13, 11);
        return kind switch
        {
            "relu" => values.relu(),
            "constant" => ones(5, 7, 13, 11),
            _ => values.clone(),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Outputs_and_gradients_equal_those_of_MaxPool2d(long kernel, long stride, long padding, string kind)
    {
        using var reference = MaxPool2d(kernel, stride: stride, padding: padding);
        using var fast = new FastMaxPool2d(kernel, stride, padding);
        using var baseInput = Input(kind);
        using var a = baseInput.clone().requires_grad_(true);
        using var b = baseInput.clone().requires_grad_(true);

        using var expected = reference.call(a);
        using var actual = fast.call(b);
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(expected.equal(actual).all().item<bool>(), "outputs differ");
        Assert.True(actual.is_contiguous(), "the output is not in the ordinary layout");

        manual_seed(4);
        using var upstream = randn(expected.shape);
        expected.backward([upstream]);
        actual.backward([upstream]);
        Assert.True(a.grad!.equal(b.grad!).all().item<bool>(), "gradients differ");
    }

    [Fact]
    public void Without_gradients_it_pools_the_same()
    {
        using var reference = MaxPool2d(3, stride: 2, padding: 1);
        using var fast = new FastMaxPool2d(3, 2, 1);
        using var input = Input("random");
        using var noGrad = no_grad();
        using var expected = reference.call(input);
        using var actual = fast.call(input);
        Assert.True(expected.equal(actual).all().item<bool>());
    }

    [Fact]
    public void A_net_trains_to_the_same_weights_with_either_layer()
    {
        static float[] Train(Func<Module<Tensor, Tensor>> pool)
        {
            manual_seed(11);
            using var net = Sequential(Conv2d(1, 4, 3, padding: 1), ReLU(), pool(), Flatten(), Linear(4 * 7 * 7, 3));
            using var optimizer = optim.SGD(net.parameters(), 0.1);
            using var x = randn(8, 1, 14, 14);
            using var y = randint(0, 3, [8]);
            for (var step = 0; step < 5; step++)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                nn.functional.cross_entropy(net.call(x), y).backward();
                optimizer.step();
            }
            return net.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();
        }

        Assert.Equal(Train(() => MaxPool2d(3, stride: 2, padding: 1)), Train(() => new FastMaxPool2d(3, 2, 1)));
    }
}
