namespace BoDashboard.Studies.Persistence;

/// <summary>A trial row: parameters in natural units (JSON), the value, and who ran it when.</summary>
public sealed class TrialEntity
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public StudyEntity? Study { get; set; }
    public int Number { get; set; }
    public required string ParamsJson { get; set; }
    public double? Value { get; set; }
    public string State { get; set; } = "running";
    public string SuggestedBy { get; set; } = "initial";
    public double? AcquisitionValue { get; set; }
    /// <summary>When the trial row was created (its first claim or ask); a re-run after an interruption keeps it while
    /// <see cref="StartedAt"/> moves. Stamped from StartedAt when a new trial is saved.</summary>
    public DateTime? QueuedAt { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Last sign of life of the worker running this trial; a stale one means the worker died.</summary>
    public DateTime? HeartbeatAt { get; set; }
    public string? Error { get; set; }
    public string? WorkerName { get; set; }
    /// <summary>The token of the claim that owns this running trial (a new one at every claim and take-over).</summary>
    public string? LeaseToken { get; set; }
    /// <summary>The last lines a trial's process printed (bounded), for the UI and the API; the whole log is a file
    /// in the trial's folder.</summary>
    public string? LogTail { get; set; }
    /// <summary>How far the running trial is (<see cref="Objectives.TrialProgress"/>), written by its runner a few times a
    /// second at most, so that pages in other processes show it too.</summary>
    public double? ProgressDone { get; set; }
    public double? ProgressTotal { get; set; }
    public string? ProgressLabel { get; set; }
    public List<IntermediateValueEntity> IntermediateValues { get; set; } = [];
}
