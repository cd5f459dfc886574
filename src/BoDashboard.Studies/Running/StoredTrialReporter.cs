using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Running;

/// <summary>The runner's end of <see cref="ITrialReporter"/>: progress is published to live pages (and stored for other
/// processes' pages by <see cref="TrialProgressRecorder"/>), intermediate values are stored (and answered with the
/// pruning decision), log lines are kept as a bounded tail that is written to the trial's row at most every
/// <see cref="FlushInterval"/> and once more at the end.</summary>
public sealed class StoredTrialReporter(TrialScheduler scheduler, StudyEvents events, ClaimedTrial claim) : ITrialReporter, IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private readonly Queue<string> tail = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private DateTime lastFlush = DateTime.MinValue;
    private bool dirty;

    public void Progress(TrialProgress progress) =>
        events.Publish(new StudyChange(claim.StudyId, StudyChangeKind.TrialProgress, claim.Number, progress, claim.Lease));

    public async Task<bool> ReportAsync(IntermediateValue value, CancellationToken ct)
    {
        var result = await scheduler.ReportAsync(claim.StudyId, claim.TrialId, claim.Lease, value, ct);
        if (result.Status == ReportStatus.StepNotIncreasing)
            Log($"[bo] step {value.Step} ignored: it was already reported (last step {result.LastStep})");
        return result.ShouldPrune;
    }

    public void Log(string line)
    {
        lock (tail)
        {
            tail.Enqueue(line);
            while (tail.Count > Processes.BoundedLog.TailLines) tail.Dequeue();
            dirty = true;
        }
        if (DateTime.UtcNow - lastFlush >= FlushInterval) _ = FlushAsync();
    }

    public async Task FlushAsync()
    {
        if (!await flushing.WaitAsync(0)) return;
        try
        {
            string text;
            lock (tail)
            {
                if (!dirty) return;
                dirty = false;
                text = string.Join('\n', tail);
            }
            lastFlush = DateTime.UtcNow;
            await scheduler.SaveLogTailAsync(claim, text, CancellationToken.None);
        }
        catch (Exception)
        {
            // The tail is a convenience; the log file in the trial's folder has every line.
        }
        finally
        {
            flushing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await flushing.WaitAsync();
        flushing.Release();
        await FlushAsync();
    }
}
