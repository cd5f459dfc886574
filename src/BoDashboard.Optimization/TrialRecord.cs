namespace BoDashboard.Optimization;

/// <summary>An immutable snapshot of one trial as a sampler sees it; Params are in natural units.</summary>
public sealed record TrialRecord(int Number, IReadOnlyDictionary<string, object> Params, TrialState State, double? Value);
