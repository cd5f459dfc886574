namespace BoDashboard.Client.Internal;

/// <summary>The body of <c>POST /api/studies/{id}/trials/{trialId}/tell</c>: a value, or a state with an error.</summary>
internal sealed record TellRequest(double? Value = null, string? State = null, string? Error = null);
