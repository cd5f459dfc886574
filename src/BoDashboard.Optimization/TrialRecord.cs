namespace BoDashboard.Optimization;

/// <summary>An immutable snapshot of one trial as a sampler sees it; Params are in natural units. Intermediate values
/// (ascending steps) let a pruned trial stand for an estimate of its final value; null when none were reported.</summary>
public sealed record TrialRecord(
    int Number,
    IReadOnlyDictionary<string, object> Params,
    TrialState State,
    double? Value,
    IReadOnlyList<Pruners.StepValue>? Intermediate = null);
