namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// The parameters' Sobol indices of the GP mean, most important (largest total index) first. Empty
/// <see cref="Parameters"/> with a <see cref="Message"/> when they cannot be computed yet (too few trials, or a
/// GP mean that is flat over the whole space).
/// </summary>
public sealed record ParameterImportance(
    IReadOnlyList<ParameterImportanceEntry> Parameters,
    int CompletedTrials,
    int BaseSamples,
    int Replicates,
    string? Message = null);
