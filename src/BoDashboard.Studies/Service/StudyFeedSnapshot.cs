namespace BoDashboard.Studies.Service;

/// <summary>One reading of the change feed. A revision is a digest of what a page shows of a study (its state, trial
/// counts per state, intermediate values, running trials, evaluations), compared for equality only: any difference
/// means "reload", whatever the writers' clocks or commit order, and no ordering of writers' timestamps is assumed.</summary>
public sealed record StudyFeedSnapshot(IReadOnlyDictionary<int, string> Revisions, IReadOnlyList<RunningTrialProgress> Progress)
{
    /// <summary>True when a study appeared, disappeared or has another revision.</summary>
    public bool DiffersFrom(StudyFeedSnapshot? other) =>
        other is null
        || other.Revisions.Count != Revisions.Count
        || Revisions.Any(kv => !other.Revisions.TryGetValue(kv.Key, out var r) || r != kv.Value);
}
