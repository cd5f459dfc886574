using BoDashboard.Optimization.Samplers;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Running;

/// <summary>Hands out trials and records their results. Every decision is made from the persisted trials inside one
/// serialised transaction, so a study survives crashes and restarts, never exceeds its budget or parallelism, and
/// never gives the same trial to two workers. Lease times (heartbeats, expiry) are the database's clock, never a
/// worker's, so that workers whose clocks disagree cannot take live trials from each other.</summary>
public sealed partial class TrialScheduler(IDbContextFactory<StudiesDbContext> dbFactory, StudyLocks locks, StudyEvents events, RunnerTimings timings, TrialSuggester suggester)
{

    /// <summary>Refreshes the trial's lease. False when the runner should stop: the study is no longer running, or the
    /// trial was finished, cancelled, deleted or taken over (its lease is another claim's).</summary>
    public async Task<bool> HeartbeatAsync(ClaimedTrial claim, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Trials
            .Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.LeaseToken == claim.Lease)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.HeartbeatAt, t => DatabaseClock.Now()), ct);
        var state = await db.Studies.Where(s => s.Id == claim.StudyId).Select(s => s.State).SingleOrDefaultAsync(ct);
        return updated == 1 && state == StudyStates.Running;
    }

    /// <summary>Stores an intermediate value of a running trial owned by the claim with <paramref name="lease"/>. Steps
    /// must increase; a trial that is no longer running, or no longer this claim's, takes no more values.</summary>
    public async Task<ReportResult> ReportAsync(int studyId, int trialId, string? lease, IntermediateValue value, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == trialId && t.StudyId == studyId, ct);
        if (trial is null) return ReportResult.UnknownTrial;
        if (trial.State != TrialStates.Running || trial.LeaseToken != lease) return ReportResult.NotRunning;
        var lastStep = await db.IntermediateValues.Where(v => v.TrialId == trialId).MaxAsync(v => (int?)v.Step, ct);
        if (lastStep is { } last && value.Step <= last) return ReportResult.StepNotIncreasing(last);
        var now = await DatabaseClock.ReadAsync(db, ct);
        db.IntermediateValues.Add(new IntermediateValueEntity
        {
            TrialId = trialId,
            Step = value.Step,
            Value = value.Value,
            MetricsJson = value.Metrics is null ? null : StudyJson.Serialize(value.Metrics),
            ReportedAt = now,
        });
        if (trial.HeartbeatAt is not null) trial.HeartbeatAt = now;
        await db.Studies.Where(s => s.Id == studyId).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, now), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (trial, step) index: a concurrent report of the same step won.
            return ReportResult.StepNotIncreasing(value.Step);
        }
        events.Publish(new StudyChange(studyId, StudyChangeKind.TrialReported, trial.Number));
        return ReportResult.Stored(await ShouldPruneAsync(db, studyId, trial.Id, ct));
    }

    /// <summary>The study's pruner on the stored intermediate values of all its trials: the same answer in every
    /// process and after a restart, because nothing it uses lives only in memory.</summary>
    private static async Task<bool> ShouldPruneAsync(StudiesDbContext db, int studyId, int trialId, CancellationToken ct)
    {
        var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Id == studyId, ct);
        var validated = StudyJson.Validated(study);
        if (validated.Pruner.Name == "none") return false;
        var trials = await db.Trials.AsNoTracking().Where(t => t.StudyId == studyId).ToListAsync(ct);
        var curves = await TrialHistory.CurvesAsync(db, studyId, ct);
        var snapshots = trials.ToDictionary(t => t.Id, t => TrialHistory.ForPruner(t, curves));
        var others = snapshots.Where(kv => kv.Key != trialId).Select(kv => kv.Value).ToList();
        return Optimization.Pruners.PrunerRegistry.Create(validated.Pruner).ShouldPrune(snapshots[trialId], others, validated.Direction);
    }

    /// <summary>Keeps the last lines of a running trial's log with the trial, for the pages and the API.</summary>
    public async Task SaveLogTailAsync(ClaimedTrial claim, string tail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Trials.Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.LeaseToken == claim.Lease)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LogTail, tail), ct);
    }

    /// <summary>Stores a result: one conditional update on the claim's lease. Ignored (false) when the trial is no longer
    /// this claim's — taken over after a lost lease, cancelled, pruned or deleted — so a late owner never overwrites
    /// the result or the state another one wrote.</summary>
    public async Task<bool> FinishAsync(ClaimedTrial claim, ObjectiveOutcome outcome, CancellationToken ct)
    {
        var state = outcome.Pruned ? TrialStates.Pruned : outcome.Value is null ? TrialStates.Failed : TrialStates.Complete;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var updated = await db.Trials
                .Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.LeaseToken == claim.Lease)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.State, state)
                    .SetProperty(t => t.Value, outcome.Value)
                    .SetProperty(t => t.Error, outcome.Error)
                    .SetProperty(t => t.FinishedAt, t => DatabaseClock.Now())
                    .SetProperty(t => t.HeartbeatAt, (DateTime?)null), ct);
            if (updated != 1) return false;
            await db.Studies.Where(s => s.Id == claim.StudyId).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, s => DatabaseClock.Now()), ct);
        }
        events.Publish(new StudyChange(claim.StudyId, StudyChangeKind.TrialFinished, claim.Number));
        await UpdateStudyStateAsync(claim.StudyId, ct);
        return true;
    }

    /// <summary>Gives an interrupted trial back (pause, shutdown): it stays running with no owner and is re-run with
    /// the same parameters by the next runner. Only the claim that owns it can give it back.</summary>
    public async Task ReleaseAsync(ClaimedTrial claim)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Trials
            .Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.LeaseToken == claim.Lease)
            .ExecuteUpdateAsync(u => u
                .SetProperty(t => t.HeartbeatAt, (DateTime?)null)
                .SetProperty(t => t.WorkerName, (string?)null)
                .SetProperty(t => t.LeaseToken, (string?)null)
                .SetProperty(t => t.LogTail, (string?)null)
                .SetProperty(t => t.ProgressDone, (double?)null)
                .SetProperty(t => t.ProgressTotal, (double?)null)
                .SetProperty(t => t.ProgressLabel, (string?)null));
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
            study.FinishedAt = study.UpdatedAt = await DatabaseClock.ReadAsync(db, ct);
            if (newState == StudyStates.Failed)
            {
                // Its other running trials end with it; their runners stop the processes at the next heartbeat.
                foreach (var running in trials.Where(t => t.State == TrialStates.Running))
                {
                    running.State = TrialStates.Cancelled;
                    running.Error = "the study failed";
                    running.FinishedAt = study.FinishedAt;
                    running.HeartbeatAt = null;
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        events.Publish(new StudyChange(studyId, StudyChangeKind.StateChanged));
    }
}
