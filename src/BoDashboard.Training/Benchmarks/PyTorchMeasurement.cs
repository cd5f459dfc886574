namespace BoDashboard.Training.Benchmarks;

/// <summary>What the PyTorch reference script reported, or why it could not run.</summary>
/// <param name="CompactImagesPerSecond">The compact net's images/s; null when the script did not run or said nothing.</param>
/// <param name="ClassicImagesPerSecond">The classic net's images/s; null likewise.</param>
/// <param name="Version">The script's first line (torch version, threads, GEMM speed) when it ran.</param>
/// <param name="Problem">Why there are no figures (python3 or torch missing, the script failed); null when it ran.</param>
public sealed record PyTorchMeasurement(double? CompactImagesPerSecond, double? ClassicImagesPerSecond, string? Version, string? Problem)
{
    /// <summary>The interpreter that ran the script, when one did.</summary>
    public string? Interpreter { get; init; }
}
