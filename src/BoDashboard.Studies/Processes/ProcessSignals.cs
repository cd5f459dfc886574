using System.Runtime.InteropServices;

namespace BoDashboard.Studies.Processes;

/// <summary>The few POSIX calls .NET does not expose: process groups and signals to a whole group. A trial's
/// process tree is one group, so one signal reaches the program and everything it started.</summary>
internal static partial class ProcessSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Sends a signal to every process of a group; false when the group no longer exists.</summary>
    public static bool SignalGroup(int groupId, int signal) => Supported && groupId > 1 && Kill(-groupId, signal) == 0;

    /// <summary>True while any process of the group is alive (signal 0 checks without sending).</summary>
    public static bool GroupExists(int groupId) => Supported && groupId > 1 && Kill(-groupId, 0) == 0;

    /// <summary>Makes the calling process the leader of a new session and process group (its id is the group's).</summary>
    public static bool StartNewGroup() => Supported && SetSid() != -1;

    public static int ParentId() => Supported ? GetPpid() : 0;

    public static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE",
        9 => "SIGKILL", 11 => "SIGSEGV", 13 => "SIGPIPE", 15 => "SIGTERM",
        _ => $"signal {signal}",
    };

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    private static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetPpid();
}
