using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Components.Live;

/// <summary>Keeps a page in step with studies: in-process pushes from <see cref="StudyEvents"/> and, for studies run by
/// other processes, a ~1 s poll of <see cref="StudyService.ChangedSinceAsync"/>. Bursts of changes are coalesced: the
/// refresh callback never runs twice at once, and runs once more if changes arrived while it ran.</summary>
public sealed class StudyWatch : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly StudyEvents events;
    private readonly StudyService studies;
    private readonly Func<int, bool> watches;
    private readonly Func<Task> refresh;
    private readonly Func<StudyChange, Task>? progress;
    private readonly CancellationTokenSource stop = new();
    private readonly Task polling;
    private DateTime since = DateTime.UtcNow.AddSeconds(-1);
    private int running;
    private int requested;

    /// <param name="watches">Which study ids the page shows.</param>
    /// <param name="refresh">Reloads the page's data; called on the page's dispatcher by the caller's wrapper.</param>
    /// <param name="progress">Optional: live trial progress (epoch bars), delivered without a reload.</param>
    public StudyWatch(StudyEvents events, StudyService studies, Func<int, bool> watches, Func<Task> refresh, Func<StudyChange, Task>? progress = null)
    {
        this.events = events;
        this.studies = studies;
        this.watches = watches;
        this.refresh = refresh;
        this.progress = progress;
        events.Changed += OnChanged;
        polling = PollAsync(stop.Token);
    }

    private void OnChanged(StudyChange change)
    {
        if (!watches(change.StudyId)) return;
        if (change.Kind == StudyChangeKind.TrialProgress)
        {
            // Progress only moves a bar; stored changes (an intermediate value, a finished trial) reload the page.
            if (progress is not null) _ = progress(change);
            return;
        }
        _ = RequestAsync();
    }

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                IReadOnlyList<(int Id, DateTime UpdatedAt)> changed;
                try { changed = await studies.ChangedSinceAsync(since, ct); }
                catch (Exception e) when (e is not OperationCanceledException) { continue; }
                if (changed.Count == 0) continue;
                since = changed.Max(c => c.UpdatedAt);
                if (changed.Any(c => watches(c.Id))) await RequestAsync();
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Runs the refresh now, or once more after the running one.</summary>
    public async Task RequestAsync()
    {
        Interlocked.Exchange(ref requested, 1);
        if (Interlocked.CompareExchange(ref running, 1, 0) != 0) return;
        try
        {
            while (Interlocked.Exchange(ref requested, 0) == 1 && !stop.IsCancellationRequested)
            {
                try { await refresh(); }
                catch (Exception) when (stop.IsCancellationRequested) { return; }
            }
        }
        finally
        {
            Interlocked.Exchange(ref running, 0);
        }
        // A request that slipped in between the last check and the release above.
        if (Volatile.Read(ref requested) == 1 && !stop.IsCancellationRequested) await RequestAsync();
    }

    public async ValueTask DisposeAsync()
    {
        events.Changed -= OnChanged;
        await stop.CancelAsync();
        await polling;
        stop.Dispose();
    }
}
