using BoDashboard.Optimization.Samplers;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Running;

public sealed partial class TrialScheduler
{
    /// <summary>Suggestions made outside the lock before one is made under it: a study whose trials keep changing
    /// while its GP is fitted (other processes asking at once) still gets its trial.</summary>
    internal const int SuggestionAttempts = 3;

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

    /// <summary>A suggestion is made from a snapshot read without any lock — fitting a GP on thousands of trials
    /// takes seconds, and SQLite's write lock is database-wide, so holding it would stall every other study's
    /// heartbeats and claims. The claim is then written under the lock, after checking that no trial was added since
    /// the snapshot (the suggestion must differ from every pending trial, and the number must be the next one); if one
    /// was, the suggestion is made again, and after <see cref="SuggestionAttempts"/> tries under the lock.</summary>
    private async Task<ClaimedTrial?> ClaimAsync(int studyId, string worker, bool external, CancellationToken ct)
    {
        // Within this process one claim per study at a time: concurrent asks here would only invalidate each other.
        using var _ = await locks.AcquireAsync(studyId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await SnapshotAsync(studyId, external, ct);
            if (snapshot is null) return null;
            var suggestion = snapshot.Value.TakeOver || attempt > SuggestionAttempts ? null : SuggestFrom(snapshot.Value.Study, snapshot.Value.Trials, snapshot.Value.Curves);
            var (claim, retry) = await ClaimUnderLockAsync(studyId, worker, external, suggestion, snapshot.Value.Trials.Count, attempt >= SuggestionAttempts, ct);
            if (!retry) return claim;
        }
    }

    private readonly record struct Snapshot(StudyEntity Study, List<TrialEntity> Trials, IReadOnlyDictionary<int, IReadOnlyList<Optimization.Pruners.StepValue>> Curves, bool TakeOver);

    /// <summary>The study and its trials as they are now, read without a transaction; null when no claim is possible.</summary>
    private async Task<Snapshot?> SnapshotAsync(int studyId, bool external, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, ct);
        if (study is null || study.State != StudyStates.Running) return null;
        if (!external && await AbandonedTrials(db, studyId).AnyAsync(ct))
            return new Snapshot(study, [], new Dictionary<int, IReadOnlyList<Optimization.Pruners.StepValue>>(), TakeOver: true);
        var trials = await TrialHistory.ForSampler(db.Trials.AsNoTracking().Where(t => t.StudyId == studyId).OrderBy(t => t.Number)).ToListAsync(ct);
        if (!external && trials.Count(t => t.State == TrialStates.Running) >= study.Parallelism) return null;
        if (trials.Count >= study.Budget) return null;
        return new Snapshot(study, trials, await TrialHistory.CurvesAsync(db, studyId, ct), TakeOver: false);
    }

    private Suggestion SuggestFrom(StudyEntity study, List<TrialEntity> trials, IReadOnlyDictionary<int, IReadOnlyList<Optimization.Pruners.StepValue>> curves)
    {
        var validated = StudyJson.Validated(study);
        return suggester.Suggest(validated, TrialHistory.Records(trials, validated.Space, curves));
    }

    /// <summary>Running trials (not asked ones) whose lease expired by the database's clock: their runner is gone.</summary>
    private IQueryable<TrialEntity> AbandonedTrials(StudiesDbContext db, int studyId)
    {
        var timeout = timings.HeartbeatTimeout.TotalSeconds;
        return db.Trials.Where(t => t.StudyId == studyId && t.State == TrialStates.Running && t.WorkerName != ExternalWorker
                                    && (t.HeartbeatAt == null || DatabaseClock.SecondsSince(t.HeartbeatAt) > timeout));
    }

    /// <summary>One serialised decision: take over an abandoned trial, or add the suggested one if the trials are still
    /// those it was made from. Retry when they are not (or when a take-over was expected and is gone), unless this is
    /// the last attempt: then the suggestion is made here, under the lock.</summary>
    private async Task<(ClaimedTrial? Claim, bool Retry)> ClaimUnderLockAsync(int studyId, string worker, bool external,
        Suggestion? suggestion, int snapshotCount, bool lastAttempt, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await StudyRowLock.LockAsync(db, studyId, ct);
        var study = await db.Studies.SingleOrDefaultAsync(s => s.Id == studyId, ct);
        if (study is null || study.State != StudyStates.Running) return (null, false);
        var now = await DatabaseClock.ReadAsync(db, ct);
        study.StartedAt ??= now;
        study.UpdatedAt = now;

        if (!external)
        {
            var orphan = await AbandonedTrials(db, studyId).OrderBy(t => t.Number).FirstOrDefaultAsync(ct);
            if (orphan is not null)
            {
                orphan.WorkerName = worker;
                orphan.LeaseToken = NewLease();
                orphan.HeartbeatAt = now;
                orphan.StartedAt = now;
                orphan.LogTail = null;
                (orphan.ProgressDone, orphan.ProgressTotal, orphan.ProgressLabel) = (null, null, null);
                // The re-run starts its learning curve afresh.
                await db.IntermediateValues.Where(v => v.TrialId == orphan.Id).ExecuteDeleteAsync(ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                var space = StudyJson.Validated(study).Space;
                events.Publish(new StudyChange(studyId, StudyChangeKind.TrialStarted, orphan.Number));
                return (new ClaimedTrial(studyId, orphan.Id, orphan.Number, StudyJson.Params(orphan.ParamsJson, space), Rerun: true, orphan.LeaseToken), false);
            }
            var running = await db.Trials.CountAsync(t => t.StudyId == studyId && t.State == TrialStates.Running, ct);
            if (running >= study.Parallelism) return (null, false);
        }
        var count = await db.Trials.CountAsync(t => t.StudyId == studyId, ct);
        if (count >= study.Budget) return (null, false);
        if (suggestion is null || count != snapshotCount)
        {
            if (!lastAttempt) return (null, true);
            var trials = await TrialHistory.ForSampler(db.Trials.AsNoTracking().Where(t => t.StudyId == studyId).OrderBy(t => t.Number)).ToListAsync(ct);
            suggestion = SuggestFrom(study, trials, await TrialHistory.CurvesAsync(db, studyId, ct));
        }
        var last = await db.Trials.Where(t => t.StudyId == studyId).MaxAsync(t => (int?)t.Number, ct);
        var trial = new TrialEntity
        {
            StudyId = studyId,
            Number = last is { } n ? n + 1 : 0,
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
        return (new ClaimedTrial(studyId, trial.Id, trial.Number, suggestion.Params, Rerun: false, trial.LeaseToken), false);
    }

    private static string NewLease() => Guid.NewGuid().ToString("D");
}
