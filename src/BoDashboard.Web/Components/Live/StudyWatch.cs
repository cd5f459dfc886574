using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Components.Live;

/// <summary>Keeps a page in step with the studies it shows. It starts watching before the page's first load: it reads
/// the change feed's revisions, then runs the first load, then polls the feed every <see cref="PollInterval"/> (or as asked) and
/// reloads the page when a watched study's revision differs from the last one seen, whichever process changed it.
/// In-process events (<see cref="StudyEvents"/>) make changes of this process appear at once. Running trials' stored
/// progress is passed on without a reload. Bursts are coalesced: the refresh never runs twice at once, and runs once
/// more if changes arrived while it ran. A failing read or load marks the data stale (<see cref="IsStale"/>) instead
/// of ending the watch; the next successful round reloads the page and clears the mark.</summary>
public sealed class StudyWatch : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>A study's page polls faster: a finished trial must show within 2 s even when the machine is busy.</summary>
    public static readonly TimeSpan StudyPagePollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Progress pushed by this process is fresher than the stored copy, which lags by up to a flush interval.</summary>
    private static readonly TimeSpan PushedProgressWins = TimeSpan.FromSeconds(3);

    private readonly StudyEvents events;
    private readonly IStudyChangeFeed feed;
    private readonly Func<IReadOnlyCollection<int>?> watched;
    private readonly Func<Task> refresh;
    private readonly Func<StudyChange, Task>? progress;
    private readonly Func<Task>? staleChanged;
    private readonly TimeSpan interval;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<(int StudyId, int Number), BoDashboard.Studies.Objectives.TrialProgress> storedProgress = [];
    private readonly Dictionary<(int StudyId, int Number), DateTimeOffset> pushedAt = [];
    private readonly Task watching;
    private int running;
    private int requested;
    private volatile bool refreshFailed;

    /// <param name="watched">Which study ids the page shows; null for all studies. Asked again at every round.</param>
    /// <param name="refresh">Reloads the page's data; the caller wraps it in the page's dispatcher.</param>
    /// <param name="progress">Optional: live trial progress (epoch bars), delivered without a reload.</param>
    /// <param name="staleChanged">Optional: called when <see cref="IsStale"/> changes, to redraw the note.</param>
    public StudyWatch(StudyEvents events, IStudyChangeFeed feed, Func<IReadOnlyCollection<int>?> watched, Func<Task> refresh,
        Func<StudyChange, Task>? progress = null, Func<Task>? staleChanged = null, TimeSpan? interval = null, TimeProvider? clock = null)
    {
        this.events = events;
        this.feed = feed;
        this.watched = watched;
        this.refresh = refresh;
        this.progress = progress;
        this.staleChanged = staleChanged;
        this.interval = interval ?? PollInterval;
        this.clock = clock ?? TimeProvider.System;
        events.Changed += OnChanged;
        // Off the page's dispatcher: the loop waits on the database and hands the page its work through the callbacks.
        watching = Task.Run(() => WatchAsync(stop.Token));
    }

    /// <summary>Completes when the first load has run (or failed, leaving the data stale), or when the watch is disposed.</summary>
    public Task FirstLoad => firstLoad.Task;

    /// <summary>True while the database does not answer: what the page shows may be out of date.</summary>
    public bool IsStale { get; private set; }

    /// <summary>The last error that made the data stale, for the note.</summary>
    public string? StaleReason { get; private set; }

    private bool Watches(int studyId) => watched() is not { } ids || ids.Contains(studyId);

    private void OnChanged(StudyChange change)
    {
        if (stop.IsCancellationRequested || !Watches(change.StudyId)) return;
        if (change.Kind == StudyChangeKind.TrialProgress)
        {
            // Progress only moves a bar; stored changes (an intermediate value, a finished trial) reload the page.
            if (change.TrialNumber is { } number)
                lock (pushedAt) pushedAt[(change.StudyId, number)] = clock.GetUtcNow();
            if (progress is not null) _ = DeliverAsync(change);
            return;
        }
        _ = RequestAsync();
    }

    private async Task DeliverAsync(StudyChange change)
    {
        try { await progress!(change); }
        catch (Exception) when (stop.IsCancellationRequested) { }
        catch (Exception e) { await MarkStaleAsync(e); }
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            // The baseline is read before the first load, so a change committed while the page loads is seen as a
            // difference at the next round: nothing falls between the load and the watch.
            var seen = await ReadAsync(ct);
            await RequestAsync();
            firstLoad.TrySetResult();
            if (seen is not null) await DeliverProgressAsync(seen);
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = await ReadAsync(ct);
                if (now is null) continue;
                // After an outage the page reloads even if nothing changed: its last load may have failed.
                var reload = now.DiffersFrom(seen) || IsStale;
                seen = now;
                if (reload) await RequestAsync();
                if (!refreshFailed) await SetStaleAsync(null);
                await DeliverProgressAsync(now);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally
        {
            firstLoad.TrySetResult();
        }
    }

    /// <summary>One reading of the feed, or null when the database failed (the data is then marked stale).</summary>
    private async Task<StudyFeedSnapshot?> ReadAsync(CancellationToken ct)
    {
        try
        {
            return await feed.ReadAsync(watched(), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // SqliteException, NpgsqlException (both DbException), EF's wrappers, timeouts, a closed socket: all mean
            // the same to a page. The watch keeps polling and recovers when the database answers again.
            await MarkStaleAsync(e);
            return null;
        }
    }

    private async Task DeliverProgressAsync(StudyFeedSnapshot snapshot)
    {
        if (progress is null) return;
        var now = clock.GetUtcNow();
        foreach (var p in snapshot.Progress)
        {
            var key = (p.StudyId, p.TrialNumber);
            if (storedProgress.TryGetValue(key, out var last) && last == p.Progress) continue;
            storedProgress[key] = p.Progress;
            bool pushedRecently;
            lock (pushedAt) pushedRecently = pushedAt.TryGetValue(key, out var at) && now - at < PushedProgressWins;
            if (pushedRecently || stop.IsCancellationRequested) continue;
            await DeliverAsync(new StudyChange(p.StudyId, StudyChangeKind.TrialProgress, p.TrialNumber, p.Progress));
        }
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
                try
                {
                    // A page closed mid-load does not keep its watch waiting for that load.
                    await refresh().WaitAsync(stop.Token);
                    refreshFailed = false;
                }
                catch (Exception) when (stop.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    refreshFailed = true;
                    await MarkStaleAsync(e);
                    return;
                }
            }
        }
        finally
        {
            Interlocked.Exchange(ref running, 0);
        }
        // A request that slipped in between the last check and the release above.
        if (Volatile.Read(ref requested) == 1 && !stop.IsCancellationRequested) await RequestAsync();
    }

    private Task MarkStaleAsync(Exception e) => SetStaleAsync(e.GetBaseException().Message);

    private async Task SetStaleAsync(string? reason)
    {
        var stale = reason is not null;
        if (stale == IsStale && reason == StaleReason) return;
        var changed = stale != IsStale;
        IsStale = stale;
        StaleReason = reason;
        if (changed && staleChanged is not null && !stop.IsCancellationRequested)
        {
            try { await staleChanged(); }
            catch (Exception) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        events.Changed -= OnChanged;
        if (stop.IsCancellationRequested) return;
        await stop.CancelAsync();
        await watching;
        stop.Dispose();
    }
}
