using BoDashboard.Training.Runs;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace BoDashboard.Training.Tests.Runs;

public sealed class FusedSgdUpdateTests
{
    private static bool Same(Tensor a, Tensor b) => a.eq(b).all().item<bool>();

    /// <summary>libtorch's four in-place ops, the update the fused pass replaces.</summary>
    private static void TorchUpdate(Tensor parameter, Tensor gradient, Tensor buffer, double momentum, double weightDecay, double rate)
    {
        using var noGrad = no_grad();
        buffer.mul_(momentum).add_(gradient);
        if (weightDecay != 0)
            buffer.add_(parameter, alpha: weightDecay);
        parameter.add_(buffer, alpha: -rate);
    }

    [Theory]
    [InlineData(2, 5e-4)]          // a tail only: the scalar path
    [InlineData(4_096 + 7, 5e-4)]  // vectors and a tail
    [InlineData(2_500_003, 5e-4)]  // several parallel chunks
    [InlineData(1_000, 0.0)]       // no weight decay
    public void Rounds_exactly_as_libtorchs_in_place_ops(int size, double weightDecay)
    {
        manual_seed(3);
        using var parameter = randn(size);
        using var reference = parameter.clone();
        using var buffer = randn(size);
        using var referenceBuffer = buffer.clone();
        for (var step = 0; step < 3; step++)
        {
            using var gradient = randn(size) * 10;
            Assert.True(FusedSgdUpdate.TryApply(parameter, gradient, buffer, 0.9f, (float)weightDecay, (float)-0.01));
            TorchUpdate(reference, gradient, referenceBuffer, 0.9, weightDecay, 0.01);
        }
        Assert.True(Same(parameter, reference));
        Assert.True(Same(buffer, referenceBuffer));
        Assert.False(Same(parameter, randn(size)));
    }

    [Fact]
    public void Leaves_a_non_contiguous_gradient_to_libtorch()
    {
        using var parameter = zeros(4, 3);
        using var buffer = zeros(4, 3);
        using var gradient = ones(3, 4).t();
        Assert.False(gradient.is_contiguous());
        Assert.False(FusedSgdUpdate.TryApply(parameter, gradient, buffer, 0.9f, 0f, -0.1f));
        Assert.True(Same(parameter, zeros(4, 3)));
    }

    [Fact]
    public void Momentum_sgd_trains_to_the_same_weights_as_the_ops_it_replaces()
    {
        manual_seed(5);
        using var weights = new Parameter(randn(3_000, 17));
        using var expected = weights.detach().clone();
        using var expectedBuffer = zeros(3_000, 17);
        using var optimizer = new MomentumSgd([weights], 0.05, 0.9, 5e-4);
        var first = true;
        for (var step = 0; step < 4; step++)
        {
            using var gradient = randn(3_000, 17);
            weights.grad = gradient.clone();
            optimizer.Step();
            if (first)
            {
                // The first step starts the momentum buffer from the gradient itself.
                expectedBuffer.copy_(gradient);
                using var noGrad = no_grad();
                expectedBuffer.add_(expected, alpha: 5e-4);
                expected.add_(expectedBuffer, alpha: -0.05);
                first = false;
            }
            else
            {
                TorchUpdate(expected, gradient, expectedBuffer, 0.9, 5e-4, 0.05);
            }
        }
        Assert.True(Same(weights.detach(), expected));
    }
}
