using System.Diagnostics;
using BoDashboard.Benchmarks;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Cli.Runs;

/// <summary>
/// What an ask/tell client waits for in a long study: the latency of `ask` (load the history, fit the GP, maximise the
/// acquisition, claim the trial) through the study service, after N completed trials at random points.
/// </summary>
public static class AskLatencyBenchmark
{
    /// <summary>Median wall-clock and process CPU milliseconds of <paramref name="asks"/> asks (each told at once), after
    /// <paramref name="warmUp"/> untimed ones (each told too). On a busy machine the wall time grows with the load; the CPU
    /// time much less. In a fresh process the first asks also share the cores with the runtime's background compilation
    /// (of the database code above all): with more than one warm-up ask the timed asks wait until it has finished, as in
    /// a server that has been running.</summary>
    public static async Task<(double WallMs, double CpuMs)> MeasureAsync(BenchStudyHost host, AnalyticFunction function, int completed, int asks, int warmUp,
        CancellationToken ct)
    {
        var study = await host.Studies.CreateAsync(new StudyDefinition($"latency-{function.Name}-{completed}", new ObjectiveDefinition(ObjectiveDefinition.External),
            BenchStudyHost.Parameters(function), SuiteBenchmark.Sampler(0), function.Direction.ToString().ToLowerInvariant(), completed + asks + warmUp), ct);
        await host.AddRandomTrialsAsync(study.Id, function, completed, new Random(completed), ct);
        var wall = new List<double>(asks);
        var cpu = new List<double>(asks);
        using var process = Process.GetCurrentProcess();
        for (var i = 1 - warmUp; i <= asks; i++)
        {
            if (i == 1 && warmUp > 1)
            {
                await SettleAsync(ct);
            }

            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var trial = await host.Studies.AskAsync(study.Id, ct);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpuElapsed = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            await host.Studies.TellAsync(study.Id, trial.Id, function.Evaluate(trial.Params), null, ct);
            if (i > 0)
            {
                wall.Add(elapsed);
                cpu.Add(cpuElapsed);
            }
        }

        return (OptimizerBenchmark.Median(wall), OptimizerBenchmark.Median(cpu));
    }

    /// <summary>Waits until the runtime has compiled no method for half a second (at most 10 s): the background
    /// recompilation of hot code (tiering) otherwise keeps a core busy during the first seconds of a process.</summary>
    private static async Task SettleAsync(CancellationToken ct)
    {
        var quietSince = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (quietSince.ElapsedMilliseconds < 500 && total.ElapsedMilliseconds < 10_000)
        {
            await Task.Delay(50, ct);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                (compiled, quietSince) = (now, Stopwatch.StartNew());
            }
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), to print beside timings taken on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
