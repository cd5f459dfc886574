namespace BoDashboard.Web.Api;

/// <summary>The answer to an ask: evaluate <see cref="Params"/> and tell the value for <see cref="TrialId"/>.</summary>
public sealed record AskResponse(int TrialId, int Number, IReadOnlyDictionary<string, object> Params);
