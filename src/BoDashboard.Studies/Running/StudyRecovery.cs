using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Studies.Running;

/// <summary>Restarts studies whose runners died. Hangfire fetches a job of a killed process again only after its
/// invisibility timeout (30 min); this check finds running studies with orphaned trials, or with no live trial and no
/// recent activity, and enqueues the runner jobs they miss, so a study resumes within a minute of a restart. Runner
/// jobs still waiting in the queue count as present: a study that only waits for a free worker gets none.</summary>
public sealed class StudyRecovery(
    IDbContextFactory<StudiesDbContext> dbFactory,
    RunnerLauncher launcher,
    RunnerQueue queue,
    RunnerTimings timings,
    ILogger<StudyRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(timings.RecoveryInterval);
        do
        {
            try { await CheckAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogWarning(e, "Study recovery check failed"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        // A trial unheard of for a heartbeat timeout has lost its runner; ages are measured by the database's clock.
        var timeout = timings.HeartbeatTimeout.TotalSeconds;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var studies = await db.Studies
            .Where(s => s.State == StudyStates.Running && !s.ObjectiveJson.Contains("\"kind\":\"external\""))
            .Where(s => s.RunnersEnqueuedAt == null || DatabaseClock.SecondsSince(s.RunnersEnqueuedAt) > timeout)
            .Select(s => new
            {
                s.Id, s.Parallelism,
                Quiet = DatabaseClock.SecondsSince(s.UpdatedAt) > timeout,
                Live = s.Trials.Count(t => t.State == TrialStates.Running && t.HeartbeatAt != null && DatabaseClock.SecondsSince(t.HeartbeatAt) <= timeout),
                Orphans = s.Trials.Count(t => t.State == TrialStates.Running && (t.HeartbeatAt == null || DatabaseClock.SecondsSince(t.HeartbeatAt) > timeout)),
            })
            .ToListAsync(ct);
        // Runners are missing when a trial was orphaned (its worker died) or when a study with work left has been
        // quiet; busy studies with live runners are left alone, and surplus runners would exit at once anyway.
        var candidates = studies.Where(s => s.Live < s.Parallelism && (s.Orphans > 0 || (s.Quiet && s.Live == 0))).ToList();
        if (candidates.Count == 0) return;
        var waiting = queue.WaitingByStudy();
        foreach (var s in candidates)
        {
            var queued = waiting.GetValueOrDefault(s.Id);
            var missing = s.Parallelism - s.Live - queued;
            if (missing <= 0) continue;
            if (await launcher.EnqueueMissingRunnersAsync(s.Id, missing, ct))
            {
                logger.LogInformation("Study {Study} has {Live} live runner(s) of {Parallelism}, {Queued} waiting and {Orphans} orphaned trial(s); enqueued {Missing}",
                    s.Id, s.Live, s.Parallelism, queued, s.Orphans, missing);
            }
        }
    }
}
