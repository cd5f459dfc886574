namespace BoDashboard.Studies.Running;

/// <summary>What became of a reported intermediate value, and whether the trial should stop.</summary>
public sealed record ReportResult(ReportStatus Status, bool ShouldPrune = false, int? LastStep = null)
{
    public static ReportResult Stored(bool shouldPrune) => new(ReportStatus.Stored, shouldPrune);
    public static ReportResult StepNotIncreasing(int lastStep) => new(ReportStatus.StepNotIncreasing, LastStep: lastStep);
    public static readonly ReportResult NotRunning = new(ReportStatus.NotRunning);
    public static readonly ReportResult UnknownTrial = new(ReportStatus.UnknownTrial);
}

public enum ReportStatus
{
    Stored,
    StepNotIncreasing,
    NotRunning,
    UnknownTrial,
}
