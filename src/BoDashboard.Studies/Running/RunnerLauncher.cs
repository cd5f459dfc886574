using BoDashboard.Studies.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Running;

/// <summary>Enqueues a study's runner jobs, one per parallel slot.</summary>
public sealed class RunnerLauncher(IDbContextFactory<StudiesDbContext> dbFactory, IBackgroundJobClient jobs, TrialScheduler scheduler, TimeProvider clock)
{
    /// <param name="count">How many runners to add; all of the study's parallel slots when null.</param>
    public async Task EnqueueRunnersAsync(int studyId, CancellationToken ct, int? count = null)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var study = await db.Studies.SingleOrDefaultAsync(s => s.Id == studyId, ct);
            if (study is null) return;
            study.RunnersEnqueuedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            for (var slot = 0; slot < (count ?? study.Parallelism); slot++)
                jobs.Enqueue<StudyRunner>(r => r.RunAsync(studyId, CancellationToken.None));
        }
        // A study whose last trial finished just before a crash only needs its state settled.
        await scheduler.UpdateStudyStateAsync(studyId, ct);
    }
}
