using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Running;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Cli.Runs;

/// <summary>Whether studies that only wait for a free worker make the Hangfire queue grow: more studies than job
/// workers, with long trials, left running for a while with the default recovery timings.</summary>
public sealed class RunnerQueueBenchmark
{
    /// <param name="Samples">Minutes since the start and the Hangfire queue (enqueued jobs) at that moment.</param>
    public sealed record Report(int Studies, int Parallelism, int JobWorkers, IReadOnlyList<(double Minutes, long Enqueued, long Processing)> Samples, RunnerTimings Timings);

    public async Task<Report> RunAsync(int studies, int parallelism, int jobWorkers, TimeSpan duration, IProgress<string> progress, CancellationToken ct)
    {
        await using var host = await BenchJobsHost.StartAsync(jobWorkers);
        IReadOnlyList<ParameterDefinition> space = [new("x1", "float", -5, 10), new("x2", "float", 0, 15)];
        for (var i = 0; i < studies; i++)
        {
            // Trials long enough that the workers stay busy and the other studies keep waiting.
            await host.Studies.CreateAsync(new StudyDefinition($"queue: study {i + 1}", new ObjectiveDefinition(ObjectiveDefinition.Analytic, "branin", DelaySeconds: 20),
                space, new SamplerDefinition("random", Seed: i), "minimize", 1000, parallelism), ct);
        }
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var samples = new List<(double, long, long)>();
        var start = DateTime.UtcNow;
        while (true)
        {
            var elapsed = DateTime.UtcNow - start;
            var sample = (elapsed.TotalMinutes, monitoring.EnqueuedCount("default"), monitoring.ProcessingCount());
            samples.Add(sample);
            progress.Report(FormattableString.Invariant($"{sample.Item1:F1} min: {sample.Item2} enqueued, {sample.Item3} processing"));
            if (elapsed >= duration) break;
            var next = TimeSpan.FromMinutes(samples.Count) - elapsed;
            await Task.Delay(next > duration - elapsed ? duration - elapsed : next, ct);
        }
        return new Report(studies, parallelism, jobWorkers, samples, host.Services.GetRequiredService<RunnerTimings>());
    }
}
