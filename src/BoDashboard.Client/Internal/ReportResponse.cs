namespace BoDashboard.Client.Internal;

/// <summary>The answer to a report: whether the study's pruner wants the trial stopped.</summary>
internal sealed record ReportResponse(bool ShouldPrune);
