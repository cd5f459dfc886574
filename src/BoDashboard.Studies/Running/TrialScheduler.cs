using BoDashboard.Optimization.Samplers;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Running;

/// <summary>Hands out trials and records their results. Every decision is made from the persisted trials inside one
/// serialised transaction, so a study survives crashes and restarts, never exceeds its budget or parallelism, and
/// never gives the same trial to two workers.</summary>
public sealed class TrialScheduler(IDbContextFactory<StudiesDbContext> dbFactory, StudyLocks locks, StudyEvents events, RunnerTimings timings, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The next trial for a runner: an interrupted trial first (same parameters), else a new suggestion;
    /// null when the study is not running, its budget is used, or its parallel slots are full.</summary>
    public Task<ClaimedTrial?> ClaimForRunnerAsync(int studyId, string worker, CancellationToken ct) =>
        ClaimAsync(studyId, worker, external: false, ct);

    /// <summary>A new trial for an external caller (ask/tell): pending trials are taken into account so that
    /// concurrent asks get distinct parameters. Null when the study is not running or its budget is used.</summary>
    public Task<ClaimedTrial?> AskAsync(int studyId, CancellationToken ct) =>
        ClaimAsync(studyId, "external", external: true, ct);

    private async Task<ClaimedTrial?> ClaimAsync(int studyId, string worker, bool external, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(studyId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await StudyRowLock.LockAsync(db, studyId, ct);
        var study = await db.Studies.SingleOrDefaultAsync(s => s.Id == studyId, ct);
        if (study is null || study.State != StudyStates.Running) return null;
        var trials = await db.Trials.Where(t => t.StudyId == studyId).OrderBy(t => t.Number).ToListAsync(ct);
        var now = Now;
        study.StartedAt ??= now;
        study.UpdatedAt = now;

        if (!external)
        {
            var orphan = trials.FirstOrDefault(t => t.State == TrialStates.Running && IsAbandoned(t, now));
            if (orphan is not null)
            {
                orphan.WorkerName = worker;
                orphan.HeartbeatAt = now;
                orphan.StartedAt = now;
                orphan.IntermediateJson = null;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                var space = StudyJson.Validated(study).Space;
                events.Publish(new StudyChange(studyId, StudyChangeKind.TrialStarted, orphan.Number));
                return new ClaimedTrial(studyId, orphan.Id, orphan.Number, StudyJson.Params(orphan.ParamsJson, space), Rerun: true);
            }
            if (trials.Count(t => t.State == TrialStates.Running) >= study.Parallelism) return null;
        }
        if (trials.Count >= study.Budget) return null;

        var validated = StudyJson.Validated(study);
        var history = trials.Select(t => StudyJson.Record(t, validated.Space)).ToList();
        var suggestion = SamplerRegistry.Create(validated.Sampler).Suggest(validated.Space, validated.Direction, history, 1)[0];
        var trial = new TrialEntity
        {
            StudyId = studyId,
            Number = trials.Count == 0 ? 0 : trials[^1].Number + 1,
            ParamsJson = StudyJson.Serialize(suggestion.Params),
            State = TrialStates.Running,
            SuggestedBy = suggestion.SuggestedBy,
            AcquisitionValue = suggestion.AcquisitionValue is { } a && double.IsFinite(a) ? a : null,
            StartedAt = now,
            // An asked trial has no heartbeat: the caller may take as long as it likes to tell.
            HeartbeatAt = external ? null : now,
            WorkerName = worker,
        };
        db.Trials.Add(trial);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        events.Publish(new StudyChange(studyId, StudyChangeKind.TrialStarted, trial.Number));
        return new ClaimedTrial(studyId, trial.Id, trial.Number, suggestion.Params, Rerun: false);
    }

    private bool IsAbandoned(TrialEntity t, DateTime now) =>
        t.WorkerName != "external" && (t.HeartbeatAt is null || t.HeartbeatAt < now - timings.HeartbeatTimeout);

    /// <summary>Refreshes the trial's lease. False when the worker should stop: the study is no longer running,
    /// or the trial was deleted or taken over.</summary>
    public async Task<bool> HeartbeatAsync(ClaimedTrial claim, string worker, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var updated = await db.Trials
            .Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.WorkerName == worker)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.HeartbeatAt, now), ct);
        var state = await db.Studies.Where(s => s.Id == claim.StudyId).Select(s => s.State).SingleOrDefaultAsync(ct);
        return updated == 1 && state == StudyStates.Running;
    }

    public async Task AppendEpochAsync(ClaimedTrial claim, string worker, EpochPoint point, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == claim.TrialId, ct);
        if (trial is null || trial.State != TrialStates.Running || trial.WorkerName != worker) return;
        trial.IntermediateJson = StudyJson.Serialize(StudyJson.Intermediate(trial).Append(point).ToList());
        trial.HeartbeatAt = Now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stores a result. Ignored when the trial is no longer this worker's (taken over after a lost
    /// heartbeat, pruned by a cancel, or deleted): the other owner's result counts.</summary>
    public async Task<bool> FinishAsync(ClaimedTrial claim, string worker, ObjectiveOutcome outcome, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == claim.TrialId, ct);
            if (trial is null || trial.State != TrialStates.Running || trial.WorkerName != worker) return false;
            var now = Now;
            trial.State = outcome.Value is null ? TrialStates.Failed : TrialStates.Complete;
            trial.Value = outcome.Value;
            trial.Error = outcome.Error;
            trial.FinishedAt = now;
            trial.HeartbeatAt = null;
            await db.Studies.Where(s => s.Id == claim.StudyId).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, now), ct);
            await db.SaveChangesAsync(ct);
        }
        events.Publish(new StudyChange(claim.StudyId, StudyChangeKind.TrialFinished, claim.Number));
        await UpdateStudyStateAsync(claim.StudyId, ct);
        return true;
    }

    /// <summary>Gives an interrupted trial back (pause, shutdown): it stays running with no owner and is re-run with
    /// the same parameters by the next worker.</summary>
    public async Task ReleaseAsync(ClaimedTrial claim, string worker)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Trials
            .Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.WorkerName == worker)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.HeartbeatAt, (DateTime?)null).SetProperty(t => t.WorkerName, (string?)null).SetProperty(t => t.IntermediateJson, (string?)null));
    }

    /// <summary>Applies the failure policy and completes a study whose budget is used and whose trials are all finished.</summary>
    public async Task UpdateStudyStateAsync(int studyId, CancellationToken ct)
    {
        string? newState;
        using (await locks.AcquireAsync(studyId, ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await StudyRowLock.LockAsync(db, studyId, ct);
            var study = await db.Studies.SingleOrDefaultAsync(s => s.Id == studyId, ct);
            if (study is null || study.State != StudyStates.Running) return;
            var trials = await db.Trials.Where(t => t.StudyId == studyId).ToListAsync(ct);
            var finished = trials.Where(t => t.State != TrialStates.Running).OrderBy(t => t.FinishedAt).ThenBy(t => t.Number).ToList();
            var lastFailures = finished.TakeLast(study.MaxConsecutiveFailures).ToList();
            newState = null;
            if (lastFailures.Count == study.MaxConsecutiveFailures && lastFailures.All(t => t.State == TrialStates.Failed))
            {
                newState = StudyStates.Failed;
                study.FailureReason = $"{study.MaxConsecutiveFailures} consecutive trials failed; the last one: {lastFailures[^1].Error}";
            }
            else if (trials.Count >= study.Budget && trials.All(t => t.State != TrialStates.Running))
            {
                newState = StudyStates.Completed;
            }
            if (newState is null) return;
            study.State = newState;
            study.FinishedAt = study.UpdatedAt = Now;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        events.Publish(new StudyChange(studyId, StudyChangeKind.StateChanged));
    }
}
