namespace BoDashboard.Web.Api;

/// <summary>The result of an asked trial: <c>{"value": 0.93}</c>, <c>{"state": "failed", "error": "..."}</c> or <c>{"state": "pruned"}</c>.</summary>
public sealed record TellRequest(double? Value, string? State = null, string? Error = null)
{
    /// <summary>Longest failure message: it is stored on the trial and sent with every read of the study.</summary>
    public const int MaxErrorLength = 10_000;
}
