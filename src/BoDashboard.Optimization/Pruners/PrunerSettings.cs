namespace BoDashboard.Optimization.Pruners;

/// <summary>A pruner by name with its settings: <c>none</c>; <c>median</c> (startupTrials, warmupSteps); <c>asha</c>
/// (minResource, reductionFactor); <c>hyperband</c> (minResource, maxResource, reductionFactor); each with noiseAware.</summary>
public sealed record PrunerSettings(
    string Name = "none",
    int StartupTrials = 5,
    int WarmupSteps = 0,
    int MinResource = 1,
    int MaxResource = 6,
    int ReductionFactor = 3,
    bool? NoiseAware = null)
{
    /// <summary>Whether the pruner spares trials within the noise measured at the step (<see cref="StepNoise"/>): by
    /// default for asha and hyperband, whose rung cut-offs fall among near-equal trials (measured in
    /// docs/benchmarks.md, "Pruning"), not for median (Optuna's rule; there it cost epochs and gained nothing).</summary>
    public bool SparesNearEquals => NoiseAware ?? Name is "asha" or "hyperband";
}
