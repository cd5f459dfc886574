namespace BoDashboard.Client.Internal;

/// <summary>The body of <c>POST /api/studies/{id}/trials/{trialId}/report</c>.</summary>
internal sealed record ReportRequest(int Step, double Value);
