namespace BoDashboard.Optimization.Pruners;

/// <summary>A pruner by name with its settings: <c>none</c>; <c>median</c> (startupTrials, warmupSteps); <c>asha</c>
/// (minResource, reductionFactor); <c>hyperband</c> (minResource, maxResource, reductionFactor).</summary>
public sealed record PrunerSettings(
    string Name = "none",
    int StartupTrials = 5,
    int WarmupSteps = 0,
    int MinResource = 1,
    int MaxResource = 6,
    int ReductionFactor = 3);
