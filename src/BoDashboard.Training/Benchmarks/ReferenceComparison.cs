namespace BoDashboard.Training.Benchmarks;

/// <summary>Images/s of one reference net in TorchSharp and in PyTorch (null when PyTorch could not run).</summary>
public sealed record ReferenceComparison(double TorchSharp, double? PyTorch)
{
    /// <summary>TorchSharp's speed as a multiple of PyTorch's; null without a PyTorch figure.</summary>
    public double? Ratio => PyTorch is > 0 and var pytorch ? TorchSharp / pytorch : null;
}
