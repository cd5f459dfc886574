namespace BoDashboard.Studies.Service;

/// <summary>Trial states as stored and shown.</summary>
public static class TrialStates
{
    public const string Running = "running";
    public const string Complete = "complete";
    public const string Failed = "failed";
    public const string Pruned = "pruned";
    /// <summary>Stopped by the user's cancel; never used as a value.</summary>
    public const string Cancelled = "cancelled";
}
