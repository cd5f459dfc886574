using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoDashboard.Studies.Tests;

/// <summary>Ownership of a running trial: every claim has its own lease token, and only it can change the trial.</summary>
public sealed class LeaseTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static StudyDefinition External() => new("leases", new ObjectiveDefinition(ObjectiveDefinition.External),
        [new ParameterDefinition("x", "float", 0, 1)], new SamplerDefinition("random"), "maximize", 10);

    /// <summary>Makes a trial's lease look expired, as if its runner had gone silent.</summary>
    private static async Task ExpireAsync(StudyHost host, int trialId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>().CreateDbContextAsync();
        await db.Trials.Where(t => t.Id == trialId).ExecuteUpdateAsync(u => u.SetProperty(t => t.HeartbeatAt, DateTime.UtcNow.AddHours(-1)));
    }

    [Fact]
    public async Task A_slow_runner_whose_lease_was_taken_over_cannot_write_its_late_result_even_from_the_same_process()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1);
        var scheduler = host.Services.GetRequiredService<TrialScheduler>();
        var id = (await host.Studies.CreateAsync(External())).Id;
        // Two runner slots of one process share its worker name; their claims still differ.
        var slow = (await scheduler.ClaimForRunnerAsync(id, "machine:42", CancellationToken.None))!;
        await ExpireAsync(host, slow.TrialId);
        var takeover = (await scheduler.ClaimForRunnerAsync(id, "machine:42", CancellationToken.None))!;

        Assert.Equal(slow.TrialId, takeover.TrialId);
        Assert.True(takeover.Rerun);
        Assert.NotEqual(slow.Lease, takeover.Lease);
        Assert.False(await scheduler.HeartbeatAsync(slow, CancellationToken.None));
        Assert.Equal(ReportStatus.NotRunning, (await scheduler.ReportAsync(id, slow.TrialId, slow.Lease, new IntermediateValue(1, 0.1), CancellationToken.None)).Status);
        Assert.True(await scheduler.FinishAsync(takeover, ObjectiveOutcome.Success(0.7), CancellationToken.None));
        Assert.False(await scheduler.FinishAsync(slow, ObjectiveOutcome.Success(0.1), CancellationToken.None));

        var trial = (await host.Studies.GetAsync(id)).Trials.Single(t => t.Id == slow.TrialId);
        Assert.Equal(TrialStates.Complete, trial.State);
        Assert.Equal(0.7, trial.Value);
    }

    [Fact]
    public async Task A_cancelled_trial_is_not_turned_back_into_a_complete_one_by_its_late_runner()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1);
        var scheduler = host.Services.GetRequiredService<TrialScheduler>();
        var id = (await host.Studies.CreateAsync(External())).Id;
        var claim = (await scheduler.ClaimForRunnerAsync(id, "machine:42", CancellationToken.None))!;

        await host.Studies.CancelAsync(id);
        await scheduler.ReleaseAsync(claim);

        Assert.False(await scheduler.FinishAsync(claim, ObjectiveOutcome.Success(0.9), CancellationToken.None));
        var trial = (await host.Studies.GetAsync(id)).Trials.Single();
        Assert.Equal(TrialStates.Cancelled, trial.State);
        Assert.Null(trial.Value);
    }

    [Fact]
    public async Task The_heartbeat_survives_a_failure_stops_the_trial_when_told_to_and_after_a_whole_timeout_of_failures()
    {
        var timings = new RunnerTimings(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(1));

        var beats = 0;
        using (var survives = new CancellationTokenSource())
        {
            await using (new LeaseKeeper(_ => ++beats == 1 ? throw new InvalidOperationException("database is locked") : Task.FromResult(true),
                survives, timings, TimeProvider.System, NullLogger.Instance))
            {
                // Conditions are awaited, not fixed delays: on busy cores a 50 ms timer can lag by hundreds of ms.
                await WaitUntilAsync(() => Volatile.Read(ref beats) > 2);
            }
            Assert.False(survives.IsCancellationRequested);
        }

        using var told = new CancellationTokenSource();
        await using (new LeaseKeeper(_ => Task.FromResult(false), told, timings, TimeProvider.System, NullLogger.Instance))
        {
            await WaitUntilAsync(() => told.IsCancellationRequested);
        }

        using var silent = new CancellationTokenSource();
        var failures = 0;
        var started = DateTime.UtcNow;
        var stoppedAt = DateTime.MaxValue;
        silent.Token.Register(() => stoppedAt = DateTime.UtcNow);
        await using (new LeaseKeeper(_ => { Interlocked.Increment(ref failures); throw new InvalidOperationException("down"); },
            silent, timings, TimeProvider.System, NullLogger.Instance))
        {
            await WaitUntilAsync(() => silent.IsCancellationRequested);
        }
        // Failures stop the trial only once none has succeeded for a whole timeout.
        Assert.True(Volatile.Read(ref failures) >= 2, $"stopped after {failures} failed heartbeat(s)");
        Assert.True(stoppedAt - started >= timings.HeartbeatTimeout, $"stopped after {(stoppedAt - started).TotalMilliseconds} ms");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_heartbeat_that_says_stop_after_the_trial_already_ended_ends_the_keeper_without_a_failure()
    {
        var timings = new RunnerTimings(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(1));
        var logger = new WarningCounter();
        var beats = 0;
        // The runner disposes the trial's token source when the trial ends, before the keeper is disposed; a heartbeat
        // in between finds the trial finished (not this claim's running trial any more) and answers stop.
        var ended = new CancellationTokenSource();
        ended.Dispose();
        var firstBeat = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (new LeaseKeeper(_ => { beats++; firstBeat.TrySetResult(); return Task.FromResult(false); }, ended, timings, TimeProvider.System, logger))
        {
            // Waits for the first beat rather than a fixed time: on busy cores the 50 ms timer once never ticked in 400 ms.
            await firstBeat.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // Several intervals more, in which a keeper that had not ended would beat again.
            await Task.Delay(400);
        }
        Assert.Equal(1, beats);
        Assert.Equal(0, logger.Warnings);
    }

    private sealed class WarningCounter : Microsoft.Extensions.Logging.ILogger
    {
        public int Warnings { get; private set; }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning) Warnings++;
        }
    }

    public void Dispose() => folder.Dispose();
}
