namespace BoDashboard.Studies.Definition;

/// <summary>Whether and how trials are stopped early: <c>none</c> (default); <c>median</c> (<c>startupTrials</c>,
/// default 5; <c>warmupSteps</c>, default 0); <c>asha</c> (<c>minResource</c>, default 1; <c>reductionFactor</c>,
/// default 3); <c>hyperband</c> (also <c>maxResource</c>: the last step a trial reports; the epochs of an AlexNet study).
/// <c>noiseAware</c>: spare trials within the noise measured at the step (default: on for asha and hyperband, off for
/// median; see Optimization.Pruners.StepNoise).</summary>
public sealed record PrunerDefinition(
    string Name = "none",
    int? StartupTrials = null,
    int? WarmupSteps = null,
    int? MinResource = null,
    int? MaxResource = null,
    int? ReductionFactor = null,
    bool? NoiseAware = null);
