namespace BoDashboard.Studies.Processes;

/// <summary>One trial's program, fully resolved: argv (never a shell command line), folder, environment additions,
/// time limit, where its log goes.</summary>
public sealed record TrialLaunch(
    string Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan? Timeout,
    string LogFile);
