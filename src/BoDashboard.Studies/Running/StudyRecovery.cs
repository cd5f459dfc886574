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
        // A study with no trial heartbeat and no change for a heartbeat timeout has no live runner.
        var quietSince = now - timings.HeartbeatTimeout;
        List<int> stalled;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stalled = await db.Studies
                .Where(s => s.State == StudyStates.Running && !s.ObjectiveJson.Contains("\"kind\":\"external\""))
                .Where(s => s.UpdatedAt < quietSince && (s.RunnersEnqueuedAt == null || s.RunnersEnqueuedAt < quietSince))
                .Where(s => !s.Trials.Any(t => t.State == TrialStates.Running && t.HeartbeatAt != null && t.HeartbeatAt >= quietSince))
                .Select(s => s.Id)
                .ToListAsync(ct);
        }
        foreach (var id in stalled)
        {
            logger.LogInformation("Study {Study} shows no live runner; enqueuing its runners again", id);
            await launcher.EnqueueRunnersAsync(id, ct);
        }
    }
}
