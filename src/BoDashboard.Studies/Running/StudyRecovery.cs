using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Studies.Running;

/// <summary>Restarts studies whose runners died. Hangfire fetches a job of a killed process again only after its
/// invisibility timeout (30 min); this check finds running studies with no live trial and no recent activity and
/// enqueues their runner jobs again, so a study resumes within a minute of a restart.</summary>
public sealed class StudyRecovery(
    IDbContextFactory<StudiesDbContext> dbFactory,
    RunnerLauncher launcher,
    RunnerTimings timings,
    TimeProvider clock,
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
        var now = clock.GetUtcNow().UtcDateTime;
        // A trial unheard of for a heartbeat timeout has lost its runner.
        var quietSince = now - timings.HeartbeatTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var studies = await db.Studies
            .Where(s => s.State == StudyStates.Running && !s.ObjectiveJson.Contains("\"kind\":\"external\""))
            .Where(s => s.RunnersEnqueuedAt == null || s.RunnersEnqueuedAt < quietSince)
            .Select(s => new
            {
                s.Id, s.Parallelism, s.Budget, s.UpdatedAt,
                Live = s.Trials.Count(t => t.State == TrialStates.Running && t.HeartbeatAt != null && t.HeartbeatAt >= quietSince),
                Orphans = s.Trials.Count(t => t.State == TrialStates.Running && (t.HeartbeatAt == null || t.HeartbeatAt < quietSince)),
                Total = s.Trials.Count(),
            })
            .ToListAsync(ct);
        // Runners are missing when a trial was orphaned (its worker died) or when a study with work left has been
        // quiet; busy studies with live runners are left alone, and surplus runners would exit at once anyway.
        foreach (var s in studies.Where(s => s.Live < s.Parallelism && (s.Orphans > 0 || (s.UpdatedAt < quietSince && s.Live == 0))))
        {
            logger.LogInformation("Study {Study} has {Live} live runner(s) of {Parallelism} and {Orphans} orphaned trial(s); enqueuing runners",
                s.Id, s.Live, s.Parallelism, s.Orphans);
            await launcher.EnqueueRunnersAsync(s.Id, ct, s.Parallelism - s.Live);
        }
    }
}
