namespace BoDashboard.Web.Api;

/// <summary>The answer to a report: whether the caller should stop the trial now (and tell it as pruned).</summary>
public sealed record ReportResponse(bool ShouldPrune);
