namespace BoDashboard.Studies.Processes;

/// <summary>How trial processes are started and stopped in this process: the program that answers the trial verbs,
/// how long a stopped trial may take to exit after SIGTERM before its group gets SIGKILL, and the folder trial programs
/// run in unless configured otherwise (the dashboard's top folder; relative working directories start there).</summary>
public sealed record TrialProcessOptions(TrialHost Host, TimeSpan StopGrace, string BaseDirectory)
{
    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(10);

    /// <summary>Log files stop growing here; the tail kept with the trial goes on.</summary>
    public long MaxLogBytes { get; init; } = 10 * 1024 * 1024;
}
