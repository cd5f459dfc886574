using System.Diagnostics;
using System.Globalization;

namespace BoDashboard.Studies.Processes;

/// <summary>Owns one trial's process tree. The program runs under the `trial-guard` verb, which leads a process group
/// of its own, so stopping the trial signals the whole tree (the program and anything it started), and a worker killed
/// with SIGKILL still leaves no trial behind (the guard ends the group when its parent disappears).</summary>
public sealed class TrialProcess : IDisposable
{
    private readonly Process process;
    private readonly TimeSpan grace;
    private readonly Task stdout;
    private readonly Task stderr;
    private readonly bool grouped;

    private TrialProcess(Process process, TimeSpan grace, bool grouped, Func<string, Task> onStdout, Action<string> onStderr)
    {
        this.process = process;
        this.grace = grace;
        this.grouped = grouped;
        // No input: a program that reads stdin sees end-of-file instead of waiting forever.
        process.StandardInput.Close();
        stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line) await onStdout(line);
        });
        stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line) onStderr(line);
        });
        Exited = WaitAsync();
    }

    /// <summary>The guard's process id, which is also the trial's process group id.</summary>
    public int Id => process.Id;

    /// <summary>The program's exit code (128 + N when signal N ended it), after all its output has been read.</summary>
    public Task<int> Exited { get; }

    /// <param name="onStdout">Each line of standard output, in order; awaited before the next line is read.</param>
    /// <param name="onStderr">Each line of standard error.</param>
    public static TrialProcess Start(TrialProcessOptions options, TrialLaunch launch, Func<string, Task> onStdout, Action<string> onStderr)
    {
        var grouped = ProcessSignals.Supported;
        var start = new ProcessStartInfo(grouped ? options.Host.Executable : launch.Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = launch.WorkingDirectory,
        };
        if (grouped)
        {
            foreach (var a in options.Host.PrefixArguments) start.ArgumentList.Add(a);
            start.ArgumentList.Add(ProcessGroupGuard.Verb);
            start.ArgumentList.Add("--parent");
            start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("--grace");
            start.ArgumentList.Add(options.StopGrace.TotalSeconds.ToString("R", CultureInfo.InvariantCulture));
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(launch.Executable);
        }
        foreach (var a in launch.Arguments) start.ArgumentList.Add(a);
        foreach (var (name, value) in launch.Environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{start.FileName}'");
        return new TrialProcess(process, options.StopGrace, grouped, onStdout, onStderr);
    }

    /// <summary>Ends the trial: SIGTERM to the whole group, SIGKILL to what is left after the grace period.</summary>
    public async Task StopAsync()
    {
        if (Exited.IsCompleted || process.HasExited) return;
        if (!grouped)
        {
            process.Kill(entireProcessTree: true);
            return;
        }
        ProcessSignals.SignalGroup(process.Id, ProcessSignals.SigTerm);
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(grace));
        // Whatever is left of the group after the grace period, the guard included, is killed.
        if (!process.HasExited || ProcessSignals.GroupExists(process.Id))
            ProcessSignals.SignalGroup(process.Id, ProcessSignals.SigKill);
    }

    private async Task<int> WaitAsync()
    {
        await process.WaitForExitAsync();
        // Whatever the program left running in its group (a daemonised child) ends with it; that also closes the
        // pipes those children hold, so reading the output below finishes.
        if (grouped) ProcessSignals.SignalGroup(process.Id, ProcessSignals.SigKill);
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(5)));
        return process.ExitCode;
    }

    public void Dispose() => process.Dispose();
}
