using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace BoDashboard.Studies.Processes;

/// <summary>The `trial-guard` verb: the first process of every trial. It leads a new process group, starts the trial's
/// program in it (stdin, stdout and stderr inherited, so the worker reads the program directly) and exits with the
/// program's exit code. Its one other job: when the worker that started it dies (even by SIGKILL, which nobody can
/// catch), it notices within half a second that it has a new parent and ends the whole group, SIGTERM first, SIGKILL
/// after the grace period. So no trial outlives its worker for long.</summary>
public static class ProcessGroupGuard
{
    public const string Verb = "trial-guard";
    private static readonly TimeSpan ParentPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>Arguments after the verb: <c>--parent PID --grace SECONDS -- EXECUTABLE ARGS...</c></summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var separator = args.ToList().IndexOf("--");
        if (separator < 0 || separator == args.Count - 1)
        {
            Console.Error.WriteLine($"usage: {Verb} --parent PID --grace SECONDS -- EXECUTABLE [ARGS...]");
            return 2;
        }
        var options = args.Take(separator).ToList();
        var parent = int.Parse(Option(options, "--parent") ?? "0", CultureInfo.InvariantCulture);
        var grace = TimeSpan.FromSeconds(double.Parse(Option(options, "--grace") ?? "10", CultureInfo.InvariantCulture));

        ProcessSignals.StartNewGroup();
        var group = Environment.ProcessId;
        var start = new ProcessStartInfo(args[separator + 1]) { UseShellExecute = false };
        foreach (var a in args.Skip(separator + 2)) start.ArgumentList.Add(a);

        Process child;
        try
        {
            child = Process.Start(start) ?? throw new InvalidOperationException("no process was started");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            Console.Error.WriteLine($"could not start '{start.FileName}': {e.Message}");
            return 127;
        }

        // SIGTERM to the group reaches the program too; the guard stays to report the program's exit code.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => c.Cancel = true);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);

        while (!child.WaitForExit(ParentPoll))
        {
            if (parent > 0 && ProcessSignals.ParentId() != parent)
            {
                // The worker is gone: nobody will read the result. End the group and leave.
                ProcessSignals.SignalGroup(group, ProcessSignals.SigTerm);
                if (!child.WaitForExit(grace)) ProcessSignals.SignalGroup(group, ProcessSignals.SigKill);
                return 137;
            }
        }
        return child.ExitCode;
    }

    private static string? Option(List<string> options, string name)
    {
        var i = options.IndexOf(name);
        return i >= 0 && i + 1 < options.Count ? options[i + 1] : null;
    }
}
