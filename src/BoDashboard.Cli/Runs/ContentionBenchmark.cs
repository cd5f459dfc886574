using System.Diagnostics;
using BoDashboard.Benchmarks;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Cli.Runs;

/// <summary>How a big GP study's suggestions affect everything else on one SQLite database: an external (ask/tell)
/// gp-ei study with a long history is asked and told in a loop, while a second study runs beside it (two runner
/// jobs) and a probe owns one more of its trials and heartbeats it like a runner does.</summary>
public sealed class ContentionBenchmark
{
    /// <param name="AskSeconds">Each ask of the big study, in order.</param>
    /// <param name="Heartbeats">The probe's heartbeats while the asks ran.</param>
    /// <param name="FailedHeartbeats">Heartbeats that threw (e.g. SQLite "database is locked" after its busy timeout).</param>
    /// <param name="LateHeartbeats">Heartbeats that took longer than the heartbeat interval.</param>
    /// <param name="LostLease">The probe's lease was taken over (its trial re-run by a runner).</param>
    /// <param name="LongestSilenceSeconds">The longest time between two stored heartbeats of the probe's trial.</param>
    /// <param name="SecondStudyTrials">Trials of the second study finished while the asks ran.</param>
    public sealed record Report(int History, IReadOnlyList<double> AskSeconds, int Heartbeats, int FailedHeartbeats, int LateHeartbeats,
        bool LostLease, double LongestSilenceSeconds, double SlowestHeartbeatSeconds, int SecondStudyTrials, RunnerTimings Timings);

    public async Task<Report> RunAsync(int history, int asks, IProgress<string> progress, CancellationToken ct)
    {
        await using var host = await BenchJobsHost.StartAsync(jobWorkers: 2);
        var branin = AnalyticFunctions.Get("branin");
        IReadOnlyList<ParameterDefinition> space = [new("x1", "float", -5, 10), new("x2", "float", 0, 15)];

        progress.Report($"seeding an external gp-ei study with {history} told trials");
        var big = await host.Studies.CreateAsync(new StudyDefinition("contention: big external study", new ObjectiveDefinition(ObjectiveDefinition.External),
            space, new SamplerDefinition("gp-ei", Seed: 1), "minimize", history + asks), ct);
        await SeedAsync(host, big.Id, history, branin, ct);

        var beside = await host.Studies.CreateAsync(new StudyDefinition("contention: study beside it",
            new ObjectiveDefinition(ObjectiveDefinition.Analytic, "branin", DelaySeconds: 1), space, new SamplerDefinition("random"), "minimize",
            StudyDefinition.MaxBudget, Parallelism: 3), ct);
        var scheduler = host.Services.GetRequiredService<TrialScheduler>();
        var timings = host.Services.GetRequiredService<RunnerTimings>();
        var probe = await scheduler.ClaimForRunnerAsync(beside.Id, "bench-probe", ct)
                    ?? throw new InvalidOperationException("the probe could not claim a trial of the second study");

        using var stopProbe = new CancellationTokenSource();
        var beats = new List<(double Seconds, bool Failed, bool Lost, DateTime At)>();
        var probeLoop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(timings.HeartbeatInterval);
            try
            {
                while (await timer.WaitForNextTickAsync(stopProbe.Token))
                {
                    var clock = Stopwatch.StartNew();
                    bool failed = false, lost = false;
                    try { lost = !await scheduler.HeartbeatAsync(probe, CancellationToken.None); }
                    catch (Exception e) when (e is not OperationCanceledException) { failed = true; }
                    lock (beats) beats.Add((clock.Elapsed.TotalSeconds, failed, lost, DateTime.UtcNow));
                }
            }
            catch (OperationCanceledException) { }
        });

        var before = await FinishedAsync(host, beside.Id, ct);
        var askSeconds = new List<double>();
        var started = DateTime.UtcNow;
        for (var i = 0; i < asks; i++)
        {
            progress.Report($"ask {i + 1} of {asks} (history {history + i})");
            var clock = Stopwatch.StartNew();
            var trial = await host.Studies.AskAsync(big.Id, ct);
            askSeconds.Add(clock.Elapsed.TotalSeconds);
            await host.Studies.TellAsync(big.Id, trial.Id, branin.Evaluate(trial.Params), null, ct);
        }
        // One more interval so that a heartbeat stuck behind the last ask is counted.
        await Task.Delay(timings.HeartbeatInterval, ct);
        await stopProbe.CancelAsync();
        await probeLoop;
        var after = await FinishedAsync(host, beside.Id, ct);
        await host.Studies.CancelAsync(beside.Id, ct);

        var stamps = beats.Where(b => !b.Failed && !b.Lost).Select(b => b.At).Prepend(started).ToList();
        var silence = stamps.Zip(stamps.Skip(1), (a, b) => (b - a).TotalSeconds).DefaultIfEmpty(0).Max();
        return new Report(history, askSeconds, beats.Count, beats.Count(b => b.Failed), beats.Count(b => b.Seconds > timings.HeartbeatInterval.TotalSeconds),
            beats.Any(b => b.Lost), silence, beats.Select(b => b.Seconds).DefaultIfEmpty(0).Max(), after - before, timings);
    }

    /// <summary>Completed trials written straight into the database (telling them one by one would fit the GP each time).</summary>
    private static async Task SeedAsync(BenchJobsHost host, int studyId, int count, AnalyticFunction function, CancellationToken ct)
    {
        var random = new Random(7);
        var now = DateTime.UtcNow;
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>().CreateDbContextAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var p = new Dictionary<string, object> { ["x1"] = -5 + 15 * random.NextDouble(), ["x2"] = 15 * random.NextDouble() };
            db.Trials.Add(new TrialEntity
            {
                StudyId = studyId, Number = i, ParamsJson = StudyJson.Serialize(p), Value = function.Evaluate(p), State = TrialStates.Complete,
                SuggestedBy = "random", StartedAt = now, FinishedAt = now, WorkerName = TrialScheduler.ExternalWorker,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<int> FinishedAsync(BenchJobsHost host, int studyId, CancellationToken ct)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>().CreateDbContextAsync(ct);
        return await db.Trials.CountAsync(t => t.StudyId == studyId && t.State == TrialStates.Complete, ct);
    }
}
