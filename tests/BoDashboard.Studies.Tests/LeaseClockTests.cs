using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Running;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Tests;

/// <summary>Leases follow the database's clock: two processes whose clocks disagree by an hour (an injected, skewed
/// TimeProvider) neither take live trials from each other nor keep an expired one.</summary>
public sealed class LeaseClockTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static StudyDefinition OneSlot() => new("clock", new ObjectiveDefinition(ObjectiveDefinition.External),
        [new ParameterDefinition("x", "float", 0, 1)], new SamplerDefinition("random"), "maximize", 10, Parallelism: 1);

    [Theory]
    [InlineData(60)]
    [InlineData(-60)]
    public async Task A_worker_whose_clock_is_skewed_neither_takes_over_a_live_trial_nor_loses_its_own(int skewMinutes)
    {
        // Without workers (no job server): the test is the only runner.
        await using var skewed = await StudyHost.StartAsync(folder.Path, workers: 0, clock: new SkewedClock(TimeSpan.FromMinutes(skewMinutes)));
        await using var right = await StudyHost.StartAsync(folder.Path, workers: 0);
        var id = (await right.Studies.CreateAsync(OneSlot())).Id;

        // The skewed worker claims and heartbeats; the other one must see a live trial, and the reverse.
        var first = (await Scheduler(skewed).ClaimForRunnerAsync(id, "skewed", CancellationToken.None))!;
        Assert.True(await Scheduler(skewed).HeartbeatAsync(first, CancellationToken.None));
        Assert.Null(await Scheduler(right).ClaimForRunnerAsync(id, "right", CancellationToken.None));
        Assert.True(await Scheduler(skewed).FinishAsync(first, ObjectiveOutcome.Success(0.5), CancellationToken.None));

        var second = (await Scheduler(right).ClaimForRunnerAsync(id, "right", CancellationToken.None))!;
        Assert.True(await Scheduler(right).HeartbeatAsync(second, CancellationToken.None));
        Assert.Null(await Scheduler(skewed).ClaimForRunnerAsync(id, "skewed", CancellationToken.None));
        Assert.True(await Scheduler(right).HeartbeatAsync(second, CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_that_expired_by_the_database_clock_is_taken_over_even_by_a_worker_whose_clock_runs_behind()
    {
        await using var behind = await StudyHost.StartAsync(folder.Path, workers: 0, clock: new SkewedClock(TimeSpan.FromHours(-1)));
        var id = (await behind.Studies.CreateAsync(OneSlot())).Id;
        var silent = (await Scheduler(behind).ClaimForRunnerAsync(id, "silent", CancellationToken.None))!;
        await using (var db = await behind.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>().CreateDbContextAsync())
        {
            // Its last heartbeat ten minutes ago, as the database tells time.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE trials SET \"HeartbeatAt\" = strftime('%Y-%m-%d %H:%M:%f', 'now', '-10 minutes') WHERE \"Id\" = {silent.TrialId}");
        }

        var takeover = (await Scheduler(behind).ClaimForRunnerAsync(id, "behind", CancellationToken.None))!;

        Assert.Equal(silent.TrialId, takeover.TrialId);
        Assert.True(takeover.Rerun);
        Assert.False(await Scheduler(behind).HeartbeatAsync(silent, CancellationToken.None));
    }

    private static TrialScheduler Scheduler(StudyHost host) => host.Services.GetRequiredService<TrialScheduler>();

    public void Dispose() => folder.Dispose();
}
