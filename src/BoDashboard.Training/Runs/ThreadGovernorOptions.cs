namespace BoDashboard.Training.Runs;

/// <summary>How <see cref="ThreadGovernor"/> compares thread counts. Costs are seconds per training image.</summary>
/// <param name="WindowBatches">Batches timed per count in one comparison (their median counts).</param>
/// <param name="SettleBatches">Batches left untimed after a change of count.</param>
/// <param name="AbandonFactor">A probe batch slower than this times the current cost ends the probe at once.</param>
/// <param name="FewerThreadsTolerance">Fewer threads are kept when at most this times the current cost.</param>
/// <param name="MoreThreadsGain">More threads are kept only when below this times the current cost.</param>
/// <param name="SlowdownFactor">The median of the last window above this times the cost measured when the count was
/// chosen starts a new comparison at once.</param>
/// <param name="ShortestInterval">Batches between a change of count and the next comparison.</param>
/// <param name="LongestInterval">The interval doubles after every comparison that keeps the count, up to this.</param>
/// <param name="ProbeOverhead">After a losing probe, the next comparison waits until the probe's extra time is at most
/// this fraction of the batches in between (up to <paramref name="LongestInterval"/>).</param>
public sealed record ThreadGovernorOptions(
    int WindowBatches = 5,
    int SettleBatches = 1,
    double AbandonFactor = 1.5,
    double FewerThreadsTolerance = 1.03,
    double MoreThreadsGain = 0.95,
    double SlowdownFactor = 1.3,
    int ShortestInterval = 20,
    int LongestInterval = 400,
    double ProbeOverhead = 0.02)
{
    public static ThreadGovernorOptions Default { get; } = new();
}
