using BoDashboard.Optimization;
using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Tests;

public sealed class StudyRunTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Seed_1d_study_reaches_the_same_best_as_the_in_memory_optimizer()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var created = await host.Studies.CreateAsync(Definitions.Seed1D(budget: 16));
        var study = await host.WaitForStateAsync(created.Id, StudyStates.Completed, Patience);

        var function = AnalyticFunctions.Get("seed-1d");
        var sampler = SamplerRegistry.Create(new SamplerSettings("gp-ei", 2, "ei", 0.01, 2.576, 0, 16));
        var history = new List<TrialRecord>();
        for (var i = 0; i < 16; i++)
        {
            var s = sampler.Suggest(function.Space, Direction.Maximize, history, 1)[0];
            history.Add(new TrialRecord(i, s.Params, TrialState.Complete, function.Evaluate(s.Params)));
        }
        var best = history.MaxBy(t => t.Value)!;

        Assert.Equal(16, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Equal(TrialStates.Complete, t.State));
        Assert.Equal(best.Number, study.BestTrialNumber);
        Assert.Equal(best.Value!.Value, study.BestValue!.Value, 12);
        Assert.Equal((double)best.Params["x"], (double)study.Trials[best.Number].Params["x"], 12);
        Assert.True(Math.Abs((double)study.Trials[best.Number].Params["x"] - 0.631) < 0.05);
    }

    [Fact]
    public async Task Stopping_the_server_mid_study_and_starting_another_completes_exactly_the_budget()
    {
        int id;
        await using (var first = await StudyHost.StartAsync(folder.Path, workerName: "first"))
        {
            id = (await first.Studies.CreateAsync(Definitions.Seed1D(budget: 10, delaySeconds: 0.4))).Id;
            await first.WaitForAsync(id, s => s.Trials.Count(t => t.State == TrialStates.Complete) >= 3, Patience);
            await first.StopAsync();
        }
        var interrupted = await ReadTrialsAsync(id);
        Assert.InRange(interrupted.Count, 3, 9);

        await using var second = await StudyHost.StartAsync(folder.Path, workerName: "second");
        var study = await second.WaitForStateAsync(id, StudyStates.Completed, Patience);

        Assert.Equal(10, study.Trials.Count);
        Assert.Equal(Enumerable.Range(0, 10), study.Trials.Select(t => t.Number));
        Assert.All(study.Trials, t => Assert.Equal(TrialStates.Complete, t.State));
        Assert.Contains(study.Trials, t => t.WorkerName == "second");
        // Completed trials of the first process were kept as they were.
        foreach (var before in interrupted.Where(t => t.State == TrialStates.Complete))
            Assert.Equal(before.Value, study.Trials[before.Number].Value);
    }

    [Fact]
    public async Task A_trial_whose_worker_died_is_rerun_with_the_same_parameters()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workerName: "survivor");
        var id = (await host.Studies.CreateAsync(Definitions.Seed1D(budget: 6, delaySeconds: 0.3))).Id;
        await host.WaitForAsync(id, s => s.Trials.Count(t => t.State == TrialStates.Complete) >= 2, Patience);
        await host.Studies.PauseAsync(id);
        await host.WaitForAsync(id, s => s.Trials.All(t => t.State != TrialStates.Running || t.WorkerName is null), Patience);

        // A process that died mid-trial leaves a running trial with an old heartbeat behind.
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>();
        int orphanNumber;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var trials = await db.Trials.Where(t => t.StudyId == id).ToListAsync();
            orphanNumber = trials.Max(t => t.Number) + 1;
            db.Trials.Add(new TrialEntity
            {
                StudyId = id, Number = orphanNumber, ParamsJson = "{\"x\":4.25}", State = TrialStates.Running,
                SuggestedBy = "acquisition", StartedAt = DateTime.UtcNow.AddMinutes(-5), HeartbeatAt = DateTime.UtcNow.AddMinutes(-5), WorkerName = "dead-host",
            });
            await db.SaveChangesAsync();
        }
        await host.Studies.ResumeAsync(id);
        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);

        Assert.Equal(6, study.Trials.Count);
        Assert.Equal(Enumerable.Range(0, 6), study.Trials.Select(t => t.Number));
        var rerun = study.Trials.Single(t => t.Number == orphanNumber);
        Assert.Equal(TrialStates.Complete, rerun.State);
        Assert.Equal(4.25, (double)rerun.Params["x"]);
        Assert.Equal("survivor", rerun.WorkerName);
    }

    [Fact]
    public async Task Cancel_stops_the_study_and_marks_its_running_trial_cancelled_not_pruned()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var id = (await host.Studies.CreateAsync(Definitions.Seed1D(budget: 30, delaySeconds: 1))).Id;
        await host.WaitForAsync(id, s => s.Trials.Any(t => t.State == TrialStates.Complete) && s.Trials.Any(t => t.State == TrialStates.Running), Patience);

        await host.Studies.CancelAsync(id);
        // Waits for the running trial to be stopped rather than a fixed time (busy CI cores).
        var study = await host.WaitForAsync(id, s => s.Trials.All(t => t.State != TrialStates.Running), Patience);

        Assert.Equal(StudyStates.Cancelled, study.State);
        Assert.DoesNotContain(study.Trials, t => t.State == TrialStates.Running);
        Assert.Contains(study.Trials, t => t.State == TrialStates.Cancelled && t.Error == "study cancelled");
        Assert.DoesNotContain(study.Trials, t => t.State == TrialStates.Pruned);
        Assert.True(study.Trials.Count < 30);
        await Task.Delay(1000);
        Assert.Equal(study.Trials.Count, (await host.Studies.GetAsync(id)).Trials.Count);
    }

    [Fact]
    public async Task Parallelism_3_gives_exactly_the_budget_with_distinct_numbers_and_parameters()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 4);
        var id = (await host.Studies.CreateAsync(Definitions.Branin(budget: 12, delaySeconds: 0.3, parallelism: 3))).Id;
        var sawParallel = false;
        var study = await host.WaitForAsync(id, s =>
        {
            sawParallel |= s.Trials.Count(t => t.State == TrialStates.Running) >= 2;
            return s.State == StudyStates.Completed;
        }, Patience);

        Assert.True(sawParallel, "never saw two trials running at once");
        Assert.Equal(12, study.Trials.Count);
        Assert.Equal(Enumerable.Range(0, 12), study.Trials.Select(t => t.Number).Order());
        var points = study.Trials.Select(t => $"{t.Params["x1"]}|{t.Params["x2"]}").ToList();
        Assert.Equal(points.Count, points.Distinct().Count());
    }

    [Fact]
    public async Task Compare_samplers_runs_random_and_grid_on_the_same_objective_and_budget()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var id = (await host.Studies.CreateAsync(Definitions.Branin(budget: 6))).Id;

        var created = await host.Studies.CompareSamplersAsync(id);
        foreach (var other in created) await host.WaitForStateAsync(other.Id, StudyStates.Completed, Patience);
        var comparisons = await host.Studies.ListComparisonsAsync(id);

        Assert.Equal(["random", "grid"], comparisons.Select(c => c.Sampler.Name));
        Assert.All(comparisons, c =>
        {
            Assert.Equal("branin", c.Objective.Function);
            Assert.Equal(6, c.Trials.Count);
            // A grid that does not fill the budget exactly tops up with random points.
            Assert.Contains(c.Trials, t => t.SuggestedBy == c.Sampler.Name);
        });
        Assert.Empty(await host.Studies.ListComparisonsAsync(created[0].Id));
    }

    private async Task<List<TrialEntity>> ReadTrialsAsync(int id)
    {
        var options = new DbContextOptionsBuilder<StudiesDbContext>().UseSqlite($"Data Source={Path.Combine(folder.Path, "studies.db")}").Options;
        await using var db = new StudiesDbContext(options);
        return await db.Trials.Where(t => t.StudyId == id).OrderBy(t => t.Number).ToListAsync();
    }

    public void Dispose() => folder.Dispose();
}
