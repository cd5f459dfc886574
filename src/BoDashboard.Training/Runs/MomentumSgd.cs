using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace BoDashboard.Training.Runs;

/// <summary>
/// SGD with momentum and L2 weight decay, the update of torch.optim.SGD (dampening 0, no Nesterov):
/// buf = momentum * buf + grad + wd * p; p -= lr * buf.
/// Why not TorchSharp's own SGD: it passes temporary <see cref="Scalar"/>s (a finalizable wrapper of a native
/// pointer) straight into native calls, and a garbage collection at the wrong moment frees one mid-call; a
/// 30-trial benchmark died that way with "Unknown scalar type". Here every Scalar lives in a field for the whole run.
/// </summary>
internal sealed class MomentumSgd : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor?[] buffers;
    private readonly Scalar momentum;
    private readonly Scalar weightDecay;
    private readonly bool decays;
    private readonly float momentumValue;
    private readonly float weightDecayValue;
    private Scalar negativeRate;

    public MomentumSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay)
    {
        this.parameters = parameters.ToArray();
        buffers = new Tensor?[this.parameters.Length];
        this.momentum = momentum.ToScalar();
        this.weightDecay = weightDecay.ToScalar();
        decays = weightDecay != 0;
        momentumValue = (float)momentum;
        weightDecayValue = (float)weightDecay;
        negativeRate = (-learningRate).ToScalar();
        LearningRate = learningRate;
    }

    public double LearningRate { get; private set; }

    public void SetLearningRate(double rate)
    {
        if (rate == LearningRate)
            return;
        negativeRate.Dispose();
        negativeRate = (-rate).ToScalar();
        LearningRate = rate;
    }

    /// <summary>Drops the gradients, as torch.optim's zero_grad(set_to_none=True) does: the next backward pass then
    /// stores its gradients instead of adding them to zeros, one pass over every parameter less per step.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in parameters)
            parameter.grad = null;
    }

    public void Step()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var gradient = parameter.grad;
            if (gradient is null)
                continue;
            // In place, with no temporary the size of the parameter: the classic net's 58M weights make an extra
            // allocation and pass per step a measurable share of the step.
            var buffer = buffers[i];
            if (buffer is null)
                buffer = buffers[i] = gradient.clone().DetachFromDisposeScope();
            else if (FusedSgdUpdate.TryApply(parameter, gradient, buffer, momentumValue, weightDecayValue, (float)-LearningRate))
                continue;
            else
                buffer.mul_(momentum).add_(gradient);
            if (decays)
                buffer.add_(parameter, alpha: weightDecay);
            parameter.add_(buffer, alpha: negativeRate);
        }
    }

    public void Dispose()
    {
        foreach (var buffer in buffers)
            buffer?.Dispose();
        momentum.Dispose();
        weightDecay.Dispose();
        negativeRate.Dispose();
    }
}
