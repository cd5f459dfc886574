namespace BoDashboard.Studies.Persistence;

/// <summary>One intermediate value of a trial (a validation accuracy after an epoch, a loss after N steps): what
/// learning curves draw and pruners decide on. A row of its own, so that reports from several processes never
/// rewrite each other's, and a pruner can read every trial's value at a step with one query.</summary>
public sealed class IntermediateValueEntity
{
    public long Id { get; set; }
    public int TrialId { get; set; }
    public TrialEntity? Trial { get; set; }
    public int Step { get; set; }
    public double Value { get; set; }
    /// <summary>Further numbers reported with the value (train loss, learning rate, seconds), as a JSON object.</summary>
    public string? MetricsJson { get; set; }
    public DateTime ReportedAt { get; set; }
}
