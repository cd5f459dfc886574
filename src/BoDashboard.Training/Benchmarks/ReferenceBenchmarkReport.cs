namespace BoDashboard.Training.Benchmarks;

/// <summary>Everything <c>bench training --reference</c> prints.</summary>
/// <param name="Compact">The compact reference net, TorchSharp next to PyTorch.</param>
/// <param name="Classic">The classic 227 px reference net, TorchSharp next to PyTorch.</param>
/// <param name="PyTorch">The script's raw report: its version line, or why it did not run.</param>
/// <param name="Preset">One trial of the preset (lr 0.01, wd 0.0005), timed.</param>
/// <param name="Threads">Torch threads on both sides.</param>
/// <param name="CompactSteps">Timed steps of the compact net on each side.</param>
/// <param name="ClassicSteps">Timed steps of the classic net on each side.</param>
public sealed record ReferenceBenchmarkReport(
    ReferenceComparison Compact,
    ReferenceComparison Classic,
    PyTorchMeasurement PyTorch,
    TrialMeasurement Preset,
    int Threads,
    int CompactSteps,
    int ClassicSteps)
{
    /// <summary>How many times each side ran; the figures above are the medians of the rounds.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>TorchSharp's images/s per round, compact net.</summary>
    public IReadOnlyList<double> CompactRounds { get; init; } = [];

    /// <summary>TorchSharp's images/s per round, classic net.</summary>
    public IReadOnlyList<double> ClassicRounds { get; init; } = [];

    /// <summary>The script's report per round (one when it could not run).</summary>
    public IReadOnlyList<PyTorchMeasurement> PyTorchRounds { get; init; } = [];
}
