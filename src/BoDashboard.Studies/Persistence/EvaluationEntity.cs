namespace BoDashboard.Studies.Persistence;

/// <summary>A final evaluation: hyperparameters (the best trial's, or the defaults) retrained on train + validation
/// and measured on the test split.</summary>
public sealed class EvaluationEntity
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    /// <summary>"best" or "defaults".</summary>
    public required string Label { get; set; }
    public required string ParamsJson { get; set; }
    public string State { get; set; } = "running";
    public double? TestAccuracy { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
