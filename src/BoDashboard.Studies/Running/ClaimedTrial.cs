namespace BoDashboard.Studies.Running;

/// <summary>A trial a runner (or an ask) now owns: evaluate its parameters and report back. <paramref name="Lease"/> is
/// this claim's own token: every later change of the trial (heartbeat, report, finish, release) is conditional on it,
/// so an owner whose lease was taken over, or whose trial was cancelled or pruned meanwhile, changes nothing.</summary>
public sealed record ClaimedTrial(int StudyId, int TrialId, int Number, IReadOnlyDictionary<string, object> Params, bool Rerun, string? Lease = null);
