using Bunit;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Live;
using BoDashboard.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BoDashboard.Web.Tests.Live;

/// <summary>The study page and the studies list with their watch: closed mid-load they leave no subscription behind,
/// and while the database fails they keep what they show and say it may be stale, until it answers again.</summary>
public sealed class LivePagesTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-live-").FullName;
    private readonly BunitContext ctx = new();
    private readonly int id;
    private readonly ScriptedFeed feed;

    public LivePagesTests()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // The page's watch reads this feed instead of the database: the test decides when it answers and when it fails.
        feed = new ScriptedFeed();
        ctx.Services.AddSingleton<IStudyChangeFeed>(feed);
        var factory = ctx.AddStudies(folder);
        using (var db = factory.CreateDbContext()) id = LiveStudySeed.Add(db);
        feed.StudyId = id;
    }

    private StudyEvents Events => ctx.Services.GetRequiredService<StudyEvents>();

    [Fact]
    public async Task A_study_page_closed_during_its_first_load_leaves_no_subscription_behind()
    {
        feed.Gate = new TaskCompletionSource();
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.Id, id));
        Assert.Contains("Loading study", page.Markup);
        Assert.Equal(1, Events.SubscriberCount);

        // What the renderer does when the user navigates away or closes the tab.
        await ctx.DisposeComponentsAsync();
        Assert.Equal(0, Events.SubscriberCount);
        var reads = feed.Reads;
        feed.Gate.SetResult();
        await Task.Delay(StudyWatch.PollInterval * 2);
        Assert.Equal(reads, feed.Reads);
    }

    [Fact]
    public async Task The_study_page_says_its_data_may_be_stale_while_the_database_fails_and_recovers()
    {
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("table.trials tbody tr").Count), Wait);
        Assert.Empty(page.FindAll("#stale-data"));

        feed.Failure = new NpgsqlException("Exception while reading from stream", new EndOfStreamException());
        page.WaitForAssertion(() => Assert.Contains("Data may be stale", page.Find("#stale-data").TextContent), Wait);
        // What was loaded stays on the page.
        Assert.Equal(2, page.FindAll("table.trials tbody tr").Count);

        feed.Failure = null;
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#stale-data")), Wait);
        await Task.CompletedTask;
    }

    [Fact]
    public void The_studies_list_says_its_data_may_be_stale_while_the_database_fails()
    {
        var page = ctx.Render<StudiesPage>();
        page.WaitForAssertion(() => Assert.Contains("live-feed", page.Markup), Wait);
        feed.Failure = new Microsoft.Data.Sqlite.SqliteException("SQLite Error 5: 'database is locked'.", 5);
        page.WaitForAssertion(() => Assert.Contains("database is locked", page.Find("#stale-data").TextContent), Wait);
        feed.Failure = null;
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#stale-data")), Wait);
    }

    public async ValueTask DisposeAsync()
    {
        await ctx.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
