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
        ClaimAsync(studyId, ExternalWorker, external: true, ct);

    /// <summary>The owner recorded on trials handed out by ask.</summary>
    public const string ExternalWorker = "external";

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
                orphan.LeaseToken = NewLease();
                orphan.HeartbeatAt = now;
                orphan.StartedAt = now;
                orphan.LogTail = null;
                // The re-run starts its learning curve afresh.
                await db.IntermediateValues.Where(v => v.TrialId == orphan.Id).ExecuteDeleteAsync(ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                var space = StudyJson.Validated(study).Space;
                events.Publish(new StudyChange(studyId, StudyChangeKind.TrialStarted, orphan.Number));
                return new ClaimedTrial(studyId, orphan.Id, orphan.Number, StudyJson.Params(orphan.ParamsJson, space), Rerun: true, orphan.LeaseToken);
            }
            if (trials.Count(t => t.State == TrialStates.Running) >= study.Parallelism) return null;
        }
        if (trials.Count >= study.Budget) return null;

        var validated = StudyJson.Validated(study);
        var history = TrialHistory.Records(trials, validated.Space, await TrialHistory.CurvesAsync(db, studyId, ct));
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
            LeaseToken = NewLease(),
        };
        db.Trials.Add(trial);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        events.Publish(new StudyChange(studyId, StudyChangeKind.TrialStarted, trial.Number));
        return new ClaimedTrial(studyId, trial.Id, trial.Number, suggestion.Params, Rerun: false, trial.LeaseToken);
    }

    private static string NewLease() => Guid.NewGuid().ToString("D");

    private bool IsAbandoned(TrialEntity t, DateTime now) =>
        t.WorkerName != ExternalWorker && (t.HeartbeatAt is null || t.HeartbeatAt < now - timings.HeartbeatTimeout);

    /// <summary>Refreshes the trial's lease. False when the runner should stop: the study is no longer running, or the
    /// trial was finished, cancelled, deleted or taken over (its lease is another claim's).</summary>
    public async Task<bool> HeartbeatAsync(ClaimedTrial claim, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var updated = await db.Trials
            .Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.LeaseToken == claim.Lease)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.HeartbeatAt, now), ct);
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
        var now = Now;
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
        var now = Now;
        var state = outcome.Pruned ? TrialStates.Pruned : outcome.Value is null ? TrialStates.Failed : TrialStates.Complete;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var updated = await db.Trials
                .Where(t => t.Id == claim.TrialId && t.State == TrialStates.Running && t.LeaseToken == claim.Lease)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.State, state)
                    .SetProperty(t => t.Value, outcome.Value)
                    .SetProperty(t => t.Error, outcome.Error)
                    .SetProperty(t => t.FinishedAt, now)
                    .SetProperty(t => t.HeartbeatAt, (DateTime?)null), ct);
            if (updated != 1) return false;
            await db.Studies.Where(s => s.Id == claim.StudyId).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, now), ct);
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
                .SetProperty(t => t.LogTail, (string?)null));
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
