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
    /// <summary>Median milliseconds of <paramref name="asks"/> asks (each told at once), after one untimed warm-up ask.</summary>
    public static async Task<double> MeasureAsync(BenchStudyHost host, AnalyticFunction function, int completed, int asks, CancellationToken ct)
    {
        var study = await host.Studies.CreateAsync(new StudyDefinition($"latency-{function.Name}-{completed}", new ObjectiveDefinition(ObjectiveDefinition.External),
            BenchStudyHost.Parameters(function), SuiteBenchmark.Sampler(0), function.Direction.ToString().ToLowerInvariant(), completed + asks + 1), ct);
        await host.AddRandomTrialsAsync(study.Id, function, completed, new Random(completed), ct);
        var times = new List<double>(asks);
        for (var i = 0; i <= asks; i++)
        {
            var clock = Stopwatch.StartNew();
            var trial = await host.Studies.AskAsync(study.Id, ct);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            await host.Studies.TellAsync(study.Id, trial.Id, function.Evaluate(trial.Params), null, ct);
            if (i > 0)
            {
                times.Add(elapsed);
            }
        }

        return OptimizerBenchmark.Median(times);
    }
}
