using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Live;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BoDashboard.Web.Tests.Live;

/// <summary>The watch behind the live pages: it reloads a page when the change feed's revision of a watched study
/// differs (whichever process changed it), passes stored progress on, marks the data stale while the database fails
/// and recovers after, and leaves nothing behind when its page closes mid-load.</summary>
public sealed class StudyWatchTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly StudyEvents events = new();
    private readonly ScriptedFeed feed = new();
    private int loads;

    private StudyWatch Watch(Func<Task>? refresh = null, Func<StudyChange, Task>? progress = null, Func<Task>? staleChanged = null) =>
        new(events, feed, () => [1], refresh ?? (() => { Interlocked.Increment(ref loads); return Task.CompletedTask; }),
            progress, staleChanged, Fast);

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    /// <summary>Lets the watch poll a few more rounds.</summary>
    private async Task Rounds(int count)
    {
        var target = feed.Reads + count;
        await Until(() => feed.Reads >= target, $"{count} more reads of the feed");
    }

    [Fact]
    public async Task A_changed_revision_reloads_the_page_and_an_unchanged_one_does_not()
    {
        await using var watch = Watch();
        await watch.FirstLoad;
        Assert.Equal(1, Volatile.Read(ref loads));

        await Rounds(5);
        Assert.Equal(1, Volatile.Read(ref loads));

        // Another process finished a trial: the revision differs, whatever its writer's clock said.
        feed.Revision = "r2";
        await Until(() => Volatile.Read(ref loads) == 2, "the reload after the revision changed");
        await Rounds(5);
        Assert.Equal(2, Volatile.Read(ref loads));
        Assert.False(watch.IsStale);
    }

    [Fact]
    public async Task A_change_made_while_the_first_load_runs_is_not_lost()
    {
        var firstLoadStarted = new TaskCompletionSource();
        var releaseFirstLoad = new TaskCompletionSource();
        await using var watch = Watch(async () =>
        {
            if (Interlocked.Increment(ref loads) == 1)
            {
                firstLoadStarted.SetResult();
                await releaseFirstLoad.Task;
            }
        });
        await firstLoadStarted.Task;
        // Committed after the watch read its baseline and while the page was loading (it may or may not have seen it).
        feed.Revision = "r2";
        releaseFirstLoad.SetResult();
        await Until(() => Volatile.Read(ref loads) >= 2, "a reload for the change made during the first load");
    }

    [Fact]
    public async Task An_in_process_event_reloads_at_once_and_events_of_other_studies_do_not()
    {
        await using var watch = Watch();
        await watch.FirstLoad;
        feed.Gate = new TaskCompletionSource(); // the feed is silent from here: only the event can reload
        events.Publish(new StudyChange(2, StudyChangeKind.TrialFinished, 0));
        events.Publish(new StudyChange(1, StudyChangeKind.TrialFinished, 0));
        await Until(() => Volatile.Read(ref loads) == 2, "the reload after the event");
        feed.Gate.SetResult();
    }

    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    private static Exception DatabaseError(string provider) => provider == "sqlite"
        ? new SqliteException("SQLite Error 14: 'unable to open database file'.", 14)
        : new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_error_marks_the_data_stale_and_the_watch_recovers_and_reloads_when_it_answers_again(string provider)
    {
        var staleNotices = 0;
        await using var watch = Watch(staleChanged: () => { Interlocked.Increment(ref staleNotices); return Task.CompletedTask; });
        await watch.FirstLoad;

        feed.Failure = DatabaseError(provider);
        await Until(() => watch.IsStale, "the stale mark");
        Assert.Contains(provider == "sqlite" ? "unable to open database file" : "Connection refused", watch.StaleReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Volatile.Read(ref staleNotices));
        // The watch keeps trying instead of ending.
        await Rounds(3);
        Assert.True(watch.IsStale);

        var loadsBefore = Volatile.Read(ref loads);
        feed.Failure = null;
        await Until(() => !watch.IsStale, "recovery");
        Assert.Equal(2, Volatile.Read(ref staleNotices));
        // The page reloads after the outage even though the revision is the same: its data may be old.
        Assert.True(Volatile.Read(ref loads) > loadsBefore);
        Assert.Null(watch.StaleReason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_load_that_fails_marks_the_data_stale_until_a_load_succeeds(string provider)
    {
        var failing = true;
        await using var watch = Watch(() =>
        {
            Interlocked.Increment(ref loads);
            return Volatile.Read(ref failing) ? throw DatabaseError(provider) : Task.CompletedTask;
        });
        await watch.FirstLoad;
        Assert.True(watch.IsStale);
        await Rounds(3);
        Assert.True(watch.IsStale);
        Volatile.Write(ref failing, false);
        await Until(() => !watch.IsStale, "recovery after a successful load");
    }

    [Fact]
    public async Task Stored_progress_of_a_running_trial_is_passed_on_once_per_change()
    {
        var seen = new List<(int Number, double Done)>();
        feed.Progress = [ScriptedFeed.At(3, 1, 6)];
        await using var watch = Watch(progress: change =>
        {
            lock (seen) seen.Add((change.TrialNumber!.Value, change.Progress!.Done));
            return Task.CompletedTask;
        });
        await watch.FirstLoad;
        await Until(() => { lock (seen) return seen.Count == 1; }, "the first progress");
        await Rounds(5);
        feed.Progress = [ScriptedFeed.At(3, 2, 6)];
        await Until(() => { lock (seen) return seen.Count == 2; }, "the second progress");
        await Rounds(5);
        lock (seen) Assert.Equal([(3, 1.0), (3, 2.0)], seen);
        // Progress moves a bar; it never reloads the page.
        Assert.Equal(1, Volatile.Read(ref loads));
    }

    [Fact]
    public async Task A_page_closed_during_its_first_load_leaves_no_subscription_and_no_polling_behind()
    {
        var loadStarted = new TaskCompletionSource();
        var watch = Watch(() =>
        {
            loadStarted.TrySetResult();
            return new TaskCompletionSource().Task; // a load that never ends
        });
        Assert.Equal(1, events.SubscriberCount);
        await loadStarted.Task;

        await watch.DisposeAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(0, events.SubscriberCount);
        Assert.True(watch.FirstLoad.IsCompleted);
        var reads = feed.Reads;
        await Task.Delay(Fast * 10);
        Assert.Equal(reads, feed.Reads);
    }

    [Fact]
    public async Task A_page_closed_while_the_feed_is_read_leaves_no_subscription_behind()
    {
        feed.Gate = new TaskCompletionSource();
        var watch = Watch();
        await Until(() => feed.Reads == 1, "the baseline read");
        await watch.DisposeAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(0, events.SubscriberCount);
        Assert.Equal(0, Volatile.Read(ref loads));
    }
}
