using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Studies.Running;

/// <summary>The Hangfire job that runs a study's trials one after another in one parallel slot. A study with
/// parallelism P has P of these jobs. Extra copies are harmless (a claim fails when the slots are full), so neither
/// Hangfire re-fetching a long job nor recovery enqueuing a job can multiply trials.</summary>
public sealed class StudyRunner(
    TrialScheduler scheduler,
    ObjectiveFactory objectives,
    IDbContextFactory<StudiesDbContext> dbFactory,
    StudyRunControl control,
    StudyEvents events,
    WorkerIdentity worker,
    RunnerTimings timings,
    Processes.TrialFolders folders,
    TimeProvider clock,
    ILogger<StudyRunner> logger)
{
    // No automatic retry: a failing evaluation fails its trial, and recovery restarts slots that died.
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Run study {0}")]
    public async Task RunAsync(int studyId, CancellationToken shutdown)
    {
        IObjective? objective = null;
        while (!shutdown.IsCancellationRequested)
        {
            var claim = await scheduler.ClaimForRunnerAsync(studyId, worker.Name, shutdown);
            if (claim is null) break;
            objective ??= await CreateObjectiveAsync(studyId, shutdown);
            await RunTrialAsync(objective, claim, shutdown);
        }
        await scheduler.UpdateStudyStateAsync(studyId, CancellationToken.None);
    }

    private async Task<IObjective> CreateObjectiveAsync(int studyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.SingleAsync(s => s.Id == studyId, ct);
        return objectives.Create(StudyJson.Objective(study));
    }

    private async Task RunTrialAsync(IObjective objective, ClaimedTrial claim, CancellationToken shutdown)
    {
        using var trialCts = control.Register(claim.StudyId, claim.TrialId, shutdown);
        await using var heartbeat = new LeaseKeeper(ct => scheduler.HeartbeatAsync(claim, ct), trialCts, timings, clock, logger);
        await using var reporter = new StoredTrialReporter(scheduler, events, claim);
        var trial = new TrialContext(claim.StudyId, claim.Number, claim.Params, folders.Prepare(claim.StudyId, claim.Number));
        ObjectiveOutcome outcome;
        try
        {
            outcome = await objective.EvaluateAsync(trial, reporter, trialCts.Token);
        }
        catch (OperationCanceledException) when (trialCts.IsCancellationRequested)
        {
            // Pause, cancel, delete or shutdown: the trial goes back unfinished and is re-run with the same
            // parameters if the study continues (a cancel has already ended it, so the release changes nothing).
            await scheduler.ReleaseAsync(claim);
            logger.LogInformation("Trial {Number} of study {Study} interrupted", claim.Number, claim.StudyId);
            return;
        }
        catch (Exception e)
        {
            outcome = ObjectiveOutcome.Failure($"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            control.Unregister(claim.StudyId, claim.TrialId);
        }
        await reporter.FlushAsync();
        await scheduler.FinishAsync(claim, outcome, CancellationToken.None);
    }
}
