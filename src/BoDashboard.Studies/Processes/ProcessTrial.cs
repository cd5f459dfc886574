using System.Globalization;
using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Processes;

/// <summary>Runs one trial as a process and turns what happens into an outcome: the line protocol into progress,
/// intermediate values and the result; other output into the trial's log; the exit code, a missing or non-finite
/// result and the time limit into a failure that says which, with the end of standard error. Pause, cancel and lease
/// loss (the token) and a pruning decision end the whole process tree.</summary>
public sealed class ProcessTrial(TrialProcessOptions options)
{
    public async Task<ObjectiveOutcome> RunAsync(TrialLaunch launch, ITrialReporter reporter, CancellationToken ct)
    {
        using var log = new BoundedLog(launch.LogFile, options.MaxLogBytes);
        using var timeout = launch.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var prune = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token, prune.Token);
        double? result = null;
        IntermediateValue? last = null;

        async Task OnStdout(string line)
        {
            switch (TrialOutputParser.Parse(line))
            {
                case TrialOutputLine.Report report:
                    // Once pruned, the trial stands at the step it was judged on; what it prints while stopping is not kept.
                    if (prune.IsCancellationRequested) break;
                    if (last is not null && report.Value.Step <= last.Step)
                    {
                        Log($"[bo] step {report.Value.Step} ignored: steps must increase (last was {last.Step})");
                        break;
                    }
                    last = report.Value;
                    try
                    {
                        if (await reporter.ReportAsync(report.Value, CancellationToken.None)) await prune.CancelAsync();
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A storage hiccup must not stop the reading: a program blocked on a full pipe would hang.
                        Log($"[bo] step {report.Value.Step} could not be stored: {e.Message}");
                    }
                    break;
                case TrialOutputLine.Result r:
                    result = r.Value;
                    break;
                case TrialOutputLine.Progress p:
                    reporter.Progress(p.Value);
                    break;
                case TrialOutputLine.Malformed m:
                    Log(m.Text);
                    Log($"[bo] line not understood: {m.Reason}");
                    break;
                case TrialOutputLine.Log l:
                    Log(l.Text);
                    break;
            }
        }

        void Log(string line, bool isError = false)
        {
            log.Add(line, isError);
            reporter.Log(line);
        }

        TrialProcess process;
        try
        {
            process = TrialProcess.Start(options, launch, OnStdout, line => Log(line, isError: true));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return ObjectiveOutcome.Failure($"could not start the trial's program: {e.Message}");
        }
        using (process)
        {
            await Task.WhenAny(process.Exited, Task.Delay(Timeout.Infinite, stop.Token));
            if (!process.Exited.IsCompleted) await process.StopAsync();
            var code = await process.Exited;

            ct.ThrowIfCancellationRequested();
            var errors = log.ErrorTail();
            string WithErrors(string message) => errors.Length == 0 ? message : $"{message}; end of stderr:\n{errors}";
            if (prune.IsCancellationRequested && last is not null) return ObjectiveOutcome.PrunedAt(last);
            if (timeout.IsCancellationRequested)
                return ObjectiveOutcome.Failure(WithErrors($"timed out after {launch.Timeout!.Value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s; the process tree was stopped"));
            if (code != 0) return ObjectiveOutcome.Failure(WithErrors(ExitMessage(code)));
            if (result is not { } value)
                return ObjectiveOutcome.Failure(WithErrors("the program exited with code 0 but printed no result line ('bo:result value=<number>')"));
            if (!double.IsFinite(value))
                return ObjectiveOutcome.Failure($"the program reported a result that is not a finite number ({value.ToString(CultureInfo.InvariantCulture)})");
            return ObjectiveOutcome.Success(value);
        }
    }

    /// <summary>"exited with code 3", or for a signal (exit code 128 + N) which one, e.g. "was killed by SIGSEGV".</summary>
    public static string ExitMessage(int code) => code is > 128 and < 128 + 65
        ? $"the program was killed by {ProcessSignals.SignalName(code - 128)} (exit code {code})"
        : $"the program exited with code {code}";
}
