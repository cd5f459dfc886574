namespace BoDashboard.Web.Api;

/// <summary>The body of POST /api/studies/{id}/compare: how many seeds each sampler runs (1 to 10).</summary>
public sealed record CompareRequest(int? Seeds);
