namespace BoDashboard.Client;

/// <summary>The states of a trial, as the API writes them.</summary>
public static class TrialStates
{
    /// <summary>Asked (or started) and not finished yet.</summary>
    public const string Running = "running";

    /// <summary>Finished with a value.</summary>
    public const string Complete = "complete";

    /// <summary>Finished without a value; never counts as a result.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped early by a pruner (or told pruned); its last intermediate value stands for it.</summary>
    public const string Pruned = "pruned";

    /// <summary>Stopped by the user's cancel; never used as a value.</summary>
    public const string Cancelled = "cancelled";
}
