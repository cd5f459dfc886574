using Microsoft.Extensions.Logging;

namespace BoDashboard.Studies.Running;

/// <summary>Keeps a running trial's lease fresh: one heartbeat every interval. A heartbeat that answers "stop" (the
/// study paused or ended, the trial taken over, cancelled or pruned) stops the trial at once. A heartbeat that fails
/// (a database hiccup) is retried at the next tick; only when none has succeeded for a whole heartbeat timeout — after
/// which another runner may already have taken the trial over — is the trial stopped.</summary>
public sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    /// <param name="beat">One heartbeat: true to go on, false to stop the trial; may throw.</param>
    /// <param name="trial">Cancelled when the trial must stop.</param>
    public LeaseKeeper(Func<CancellationToken, Task<bool>> beat, CancellationTokenSource trial, RunnerTimings timings, TimeProvider clock, ILogger logger)
    {
        loop = Task.Run(async () =>
        {
            var lastSuccess = clock.GetUtcNow();
            using var timer = new PeriodicTimer(timings.HeartbeatInterval, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    try
                    {
                        if (!await beat(stop.Token))
                        {
                            await StopAsync(trial);
                            return;
                        }
                        lastSuccess = clock.GetUtcNow();
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "A heartbeat failed; retrying at the next one");
                        if (clock.GetUtcNow() - lastSuccess >= timings.HeartbeatTimeout)
                        {
                            // Silent for a whole timeout: the lease may be someone else's by now.
                            await StopAsync(trial);
                            return;
                        }
                    }
                }
            }
            catch (OperationCanceledException) { }
            catch (ObjectDisposedException) { }
        });
    }

    /// <summary>Stops the trial; one that already ended (its token source disposed) needs nothing.</summary>
    private static async Task StopAsync(CancellationTokenSource trial)
    {
        try { await trial.CancelAsync(); }
        catch (ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
