namespace BoDashboard.Studies.Service;

/// <summary>What happened to a study, for live pages in this process.</summary>
public enum StudyChangeKind
{
    Created,
    StateChanged,
    TrialStarted,
    TrialProgress,
    /// <summary>An intermediate value was stored.</summary>
    TrialReported,
    TrialFinished,
    Deleted,
}

/// <param name="Lease">For progress: the claim that reported it, so that only the trial's current owner stores it
/// (see <see cref="Running.TrialProgressRecorder"/>).</param>
public sealed record StudyChange(int StudyId, StudyChangeKind Kind, int? TrialNumber = null, Objectives.TrialProgress? Progress = null, string? Lease = null);
