namespace BoDashboard.Training.Benchmarks;

/// <summary>Resident memory of the process after consecutive trials, to show that runs do not leak.</summary>
/// <param name="EarlyTrials">Trials done at the first reading (3).</param>
/// <param name="EarlyResidentBytes">Resident set size after <paramref name="EarlyTrials"/> trials.</param>
/// <param name="LateTrials">Trials done at the second reading (30).</param>
/// <param name="LateResidentBytes">Resident set size after <paramref name="LateTrials"/> trials.</param>
/// <param name="TrialEpochs">Epochs of each trial.</param>
/// <param name="TrialTrainImages">Training images of each trial.</param>
public sealed record MemoryMeasurement(int EarlyTrials, long EarlyResidentBytes, int LateTrials, long LateResidentBytes, int TrialEpochs, int TrialTrainImages)
{
    /// <summary>Growth from the early to the late reading, in percent of the early one.</summary>
    public double GrowthPercent => 100.0 * (LateResidentBytes - EarlyResidentBytes) / EarlyResidentBytes;
}
