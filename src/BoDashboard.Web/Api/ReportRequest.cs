namespace BoDashboard.Web.Api;

/// <summary>An intermediate value of an asked trial: <c>{"step": 3, "value": 0.81}</c>.</summary>
public sealed record ReportRequest(int? Step, double? Value);
