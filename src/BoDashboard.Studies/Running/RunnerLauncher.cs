using BoDashboard.Studies.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Running;

/// <summary>Enqueues a study's runner jobs, one per parallel slot.</summary>
public sealed class RunnerLauncher(IDbContextFactory<StudiesDbContext> dbFactory, IBackgroundJobClient jobs, TrialScheduler scheduler, RunnerTimings timings)
{
    /// <param name="count">How many runners to add; all of the study's parallel slots when null.</param>
    public async Task EnqueueRunnersAsync(int studyId, CancellationToken ct, int? count = null)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var study = await db.Studies.SingleOrDefaultAsync(s => s.Id == studyId, ct);
            if (study is null) return;
            study.RunnersEnqueuedAt = await DatabaseClock.ReadAsync(db, ct);
            await db.SaveChangesAsync(ct);
            Enqueue(studyId, count ?? study.Parallelism);
        }
        // A study whose last trial finished just before a crash only needs its state settled.
        await scheduler.UpdateStudyStateAsync(studyId, ct);
    }

    /// <summary>Recovery's enqueue: <paramref name="count"/> runners, unless another process enqueued runners for the
    /// study within the last heartbeat timeout (every worker process runs recovery; one conditional update decides
    /// which of them acts). True when this call enqueued.</summary>
    public async Task<bool> EnqueueMissingRunnersAsync(int studyId, int count, CancellationToken ct)
    {
        var timeout = timings.HeartbeatTimeout.TotalSeconds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var claimed = await db.Studies
                .Where(s => s.Id == studyId && (s.RunnersEnqueuedAt == null || DatabaseClock.SecondsSince(s.RunnersEnqueuedAt) > timeout))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.RunnersEnqueuedAt, s => DatabaseClock.Now()), ct);
            if (claimed != 1) return false;
        }
        Enqueue(studyId, count);
        await scheduler.UpdateStudyStateAsync(studyId, ct);
        return true;
    }

    private void Enqueue(int studyId, int count)
    {
        for (var slot = 0; slot < count; slot++)
            jobs.Enqueue<StudyRunner>(r => r.RunAsync(studyId, CancellationToken.None));
    }
}
