using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BoDashboard.Studies.Processes;
using BoDashboard.Training.Runs;

namespace BoDashboard.Cli.Runs;

/// <summary>
/// `bench training --under-load`: short trainings of the CPU preset's net, each in a process of its own started like a
/// trial (this program's `train` verb; OpenMP reads its environment only when a process starts), under each thread
/// policy, on an idle machine, with one core kept busy by a spinning thread, and two at once. A training's figure is
/// the images per second of its training epoch (validation and start-up excluded).
/// </summary>
public sealed class TrainingUnderLoadBenchmark(TrialHost? host = null)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);
    private readonly TrialHost host = host ?? TrialHost.ForThisProcess();

    /// <param name="trainImages">Training images per run (the validation split adds a quarter of that, untimed).</param>
    public UnderLoadReport Run(int trainImages, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var before = LoadAverage();
        var runs = new List<UnderLoadRun>();
        foreach (var condition in Enum.GetValues<LoadCondition>())
        {
            foreach (var policy in TrainingThreadPolicy.All)
            {
                progress?.Report($"{Describe(condition)}: {policy.Name}");
                runs.Add(Measure(policy, condition, trainImages, ct));
            }
        }
        var added = OpenMpEnvironment.ToAdd(Environment.GetEnvironmentVariable);
        var environment = added.Count > 0
            ? string.Join(" ", added.Select(kv => $"{kv.Key}={kv.Value}"))
            : string.Join(" ", OpenMpEnvironment.WaitPolicyVariables.Select(n => $"{n}={Environment.GetEnvironmentVariable(n)}")) + " (yours)";
        return new UnderLoadReport(runs, Environment.ProcessorCount, trainImages, environment, $"{before} before, {LoadAverage()} after");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    public static string Describe(LoadCondition condition) => condition switch
    {
        LoadCondition.Idle => "idle",
        LoadCondition.CoreBusy => "core busy",
        LoadCondition.TwoTrials => "2 trials",
        _ => condition.ToString(),
    };

    private UnderLoadRun Measure(TrainingThreadPolicy policy, LoadCondition condition, int trainImages, CancellationToken ct)
    {
        using var spinner = condition == LoadCondition.CoreBusy ? new CoreSpinner() : null;
        var count = condition == LoadCondition.TwoTrials ? 2 : 1;
        var trainings = Enumerable.Range(0, count).Select(_ => Task.Run(() => Train(policy, trainImages, ct), ct)).ToArray();
        var results = Task.WhenAll(trainings).GetAwaiter().GetResult();
        return new UnderLoadRun(policy, condition, results.Average(r => r.ImagesPerSecond), [.. results.Select(r => r.Threads)]);
    }

    private (double ImagesPerSecond, int Threads) Train(TrainingThreadPolicy policy, int trainImages, CancellationToken ct)
    {
        var start = new ProcessStartInfo(host.Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in host.PrefixArguments) start.ArgumentList.Add(argument);
        // The shipped subset is split 80/20: this many images leave trainImages to train on.
        var subset = trainImages * 5 / 4;
        foreach (var argument in new[] { "train", "--json", "--epochs", "1", "--train-subset", subset.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        if (policy.Threads is { } threads)
        {
            start.ArgumentList.Add("--threads");
            start.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
        }
        if (policy.DefaultOpenMpWait)
        {
            foreach (var name in OpenMpEnvironment.WaitPolicyVariables) start.Environment.Remove(name);
        }
        else
        {
            foreach (var (name, value) in OpenMpEnvironment.ToAdd(Environment.GetEnvironmentVariable)) start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{start.FileName}'");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(RunLimit);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"a training of the bench ({policy.Name}) took longer than {RunLimit.TotalMinutes} minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"a training of the bench ({policy.Name}) exited with code {process.ExitCode}: {stderr.Result.Trim()}");
        using var document = JsonDocument.Parse(stdout.Result);
        var result = document.RootElement.GetProperty("result");
        return (result.GetProperty("curve")[0].GetProperty("imagesPerSecond").GetDouble(), result.GetProperty("threads").GetInt32());
    }
}
