namespace BoDashboard.Studies.Running;

/// <summary>A trial a worker (or an ask) now owns: evaluate its parameters and report back.</summary>
public sealed record ClaimedTrial(int StudyId, int TrialId, int Number, IReadOnlyDictionary<string, object> Params, bool Rerun);
