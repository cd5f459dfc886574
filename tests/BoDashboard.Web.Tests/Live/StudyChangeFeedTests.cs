using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoDashboard.Web.Tests.Live;

/// <summary>The change feed on a real (SQLite) database, written to the way other processes write: each stored change
/// alters the study's revision even when the writer's clock is behind, and progress stored by a runner's
/// <see cref="TrialProgressRecorder"/> is read back for the trial's current owner only.</summary>
public sealed class StudyChangeFeedTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-feed-").FullName;
    private readonly ServiceProvider services;
    private readonly IDbContextFactory<StudiesDbContext> factory;
    private readonly IStudyChangeFeed feed;
    private readonly int id;

    public StudyChangeFeedTests()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddStudiesDatabase($"Data Source={Path.Combine(folder, "studies.db")}");
        collection.AddSingleton<IStudyChangeFeed, StudyChangeFeed>();
        services = collection.BuildServiceProvider();
        StudiesDatabase.Migrate(services);
        factory = services.GetRequiredService<IDbContextFactory<StudiesDbContext>>();
        feed = services.GetRequiredService<IStudyChangeFeed>();
        using var db = factory.CreateDbContext();
        id = LiveStudySeed.Add(db);
        LiveStudySeed.Add(db, "another study");
    }

    private async Task<string> RevisionAsync() => (await feed.ReadAsync([id], CancellationToken.None)).Revisions[id];

    [Fact]
    public async Task Every_stored_change_alters_the_revision_even_when_the_writers_clock_is_behind()
    {
        var first = await RevisionAsync();
        Assert.Equal(first, await RevisionAsync());

        await using var db = await factory.CreateDbContextAsync();
        // A value reported by a worker whose clock is an hour behind the last writer's.
        var running = await db.Trials.SingleAsync(t => t.StudyId == id && t.Number == 1);
        db.IntermediateValues.Add(new IntermediateValueEntity { TrialId = running.Id, Step = 1, Value = 0.1, ReportedAt = LiveStudySeed.Start.AddHours(-1) });
        await db.Studies.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, LiveStudySeed.Start.AddHours(-1)));
        await db.SaveChangesAsync();
        var reported = await RevisionAsync();
        Assert.NotEqual(first, reported);

        // The trial finishes, written with the same old timestamp: only its state moves.
        await db.Trials.Where(t => t.Id == running.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.State, "complete").SetProperty(t => t.Value, 0.2));
        var finished = await RevisionAsync();
        Assert.NotEqual(reported, finished);

        // A take-over: the trial runs again, by another worker (same counts as before it finished).
        await db.Trials.Where(t => t.Id == running.Id).ExecuteUpdateAsync(u => u
            .SetProperty(t => t.State, "running").SetProperty(t => t.WorkerName, "worker-c"));
        Assert.NotEqual(reported, await RevisionAsync());
    }

    [Fact]
    public async Task The_list_of_all_studies_sees_a_study_created_or_deleted()
    {
        var before = await feed.ReadAsync(null, CancellationToken.None);
        Assert.Equal(2, before.Revisions.Count);
        await using var db = await factory.CreateDbContextAsync();
        await db.Studies.Where(s => s.Id == id).ExecuteDeleteAsync();
        var after = await feed.ReadAsync(null, CancellationToken.None);
        Assert.True(after.DiffersFrom(before));
        Assert.False(after.DiffersFrom(await feed.ReadAsync(null, CancellationToken.None)));
    }

    [Fact]
    public async Task Progress_stored_by_the_recorder_reaches_the_feed_for_the_trials_owner_only_and_does_not_reload_pages()
    {
        var events = new StudyEvents();
        using var recorder = new TrialProgressRecorder(factory, events, NullLogger<TrialProgressRecorder>.Instance);
        var revision = await RevisionAsync();
        Assert.Empty((await feed.ReadAsync([id], CancellationToken.None)).Progress);

        events.Publish(new StudyChange(id, StudyChangeKind.TrialProgress, 1, new TrialProgress(1, 6, "epoch 1 of 6"), LiveStudySeed.Lease));
        events.Publish(new StudyChange(id, StudyChangeKind.TrialProgress, 1, new TrialProgress(2, 6, "epoch 2 of 6"), LiveStudySeed.Lease));
        await recorder.FlushAsync(CancellationToken.None);
        var stored = Assert.Single((await feed.ReadAsync([id], CancellationToken.None)).Progress);
        Assert.Equal(new RunningTrialProgress(id, 1, new TrialProgress(2, 6, "epoch 2 of 6")), stored);
        Assert.Equal(revision, await RevisionAsync());

        // A runner that lost the trial to another claim writes nothing.
        events.Publish(new StudyChange(id, StudyChangeKind.TrialProgress, 1, new TrialProgress(5, 6, "epoch 5 of 6"), "an-expired-lease"));
        await recorder.FlushAsync(CancellationToken.None);
        Assert.Equal(2, Assert.Single((await feed.ReadAsync([id], CancellationToken.None)).Progress).Progress.Done);
    }

    public void Dispose()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
