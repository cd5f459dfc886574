namespace BoDashboard.Studies.Persistence;

/// <summary>A study row. Settings that vary by kind (objective, search space, sampler) are stored as JSON documents.</summary>
public sealed class StudyEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Direction { get; set; } = "maximize";
    public required string ObjectiveJson { get; set; }
    public required string SearchSpaceJson { get; set; }
    public required string SamplerJson { get; set; }
    /// <summary>The pruner's settings; null for studies made before pruners existed (none).</summary>
    public string? PrunerJson { get; set; }
    public int Budget { get; set; }
    public int Parallelism { get; set; } = 1;
    public int MaxConsecutiveFailures { get; set; } = 5;
    public string State { get; set; } = "pending";
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Bumped on every change of the study or its trials: the cheap "changed since" query for other processes.</summary>
    public DateTime UpdatedAt { get; set; }
    /// <summary>When runner jobs were last enqueued: recovery waits a while before enqueuing again.</summary>
    public DateTime? RunnersEnqueuedAt { get; set; }
    /// <summary>Set on the random and grid studies launched to compare samplers with this one.</summary>
    public int? ComparedWithStudyId { get; set; }
    public List<TrialEntity> Trials { get; set; } = [];
}
