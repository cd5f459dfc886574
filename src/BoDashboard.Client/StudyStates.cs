namespace BoDashboard.Client;

/// <summary>The states of a study, as the API writes them.</summary>
public static class StudyStates
{
    /// <summary>Created, not started yet.</summary>
    public const string Pending = "pending";

    /// <summary>Handing out (or running) trials.</summary>
    public const string Running = "running";

    /// <summary>Paused by the user; resume continues it.</summary>
    public const string Paused = "paused";

    /// <summary>Its budget is used and every trial finished.</summary>
    public const string Completed = "completed";

    /// <summary>Stopped by too many failed trials in a row.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped for good by the user.</summary>
    public const string Cancelled = "cancelled";
}
