using Bunit;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.StudyView;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Components;

/// <summary>A trial's details: how it was suggested and the acquisition value then, its timings, and the files it
/// wrote, each a download link through the artifacts route.</summary>
public sealed class TrialDetailsPanelTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public TrialDetailsPanelTests()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(new TrialFolders(folder));
    }

    private int Seed()
    {
        using var db = ctx.AddStudies(folder).CreateDbContext();
        var study = new StudyEntity
        {
            Name = "details", ObjectiveJson = """{"kind":"external"}""",
            SearchSpaceJson = """[{"name":"x","type":"float","low":0,"high":1}]""", SamplerJson = """{"name":"gp-ei"}""",
            Budget = 5, State = "running", CreatedAt = Start, UpdatedAt = Start,
        };
        study.Trials.Add(new TrialEntity { Number = 0, ParamsJson = """{"x":0.25}""", State = "complete", Value = 0.5, StartedAt = Start });
        db.Studies.Add(study);
        db.SaveChanges();
        return study.Id;
    }

    private static TrialDetails Trial(string suggestedBy, double? acquisition, string worker, DateTime? queued = null) =>
        new(1, 0, "complete", new Dictionary<string, object> { ["x"] = 0.25 }, 0.5, suggestedBy, acquisition,
            Start.AddSeconds(30), Start.AddSeconds(42.5), 12.5, null, worker, [new IntermediateValue(1, 0.4), new IntermediateValue(2, 0.5)],
            "step 2: 0.5", queued ?? Start.AddSeconds(30));

    [Fact]
    public void Shows_how_the_trial_was_suggested_its_acquisition_value_and_its_timings()
    {
        var id = Seed();

        var cut = ctx.Render<TrialDetailsPanel>(p => p.Add(c => c.Trial, Trial("trust-region", 0.0123, "worker-a", Start))
            .Add(c => c.StudyId, id).Add(c => c.AcquisitionName, "ei"));

        Assert.Equal("trust region (local acquisition maximum)", cut.Find(".trial-origin").TextContent);
        Assert.Equal("trust-region", cut.Find(".trial-origin").GetAttribute("data-origin"));
        Assert.Equal("EI 0.0123 (standardised units, when it was suggested)", cut.Find(".trial-acquisition").TextContent);
        Assert.Equal("2026-03-01 12:00:00 UTC", cut.Find(".trial-queued").TextContent);
        Assert.Equal("2026-03-01 12:00:30 UTC (re-run)", cut.Find(".trial-started").TextContent);
        Assert.Equal("2026-03-01 12:00:42 UTC", cut.Find(".trial-finished").TextContent);
        Assert.Equal("12.5 s", cut.Find(".trial-duration").TextContent);
        Assert.NotNull(cut.Find(".plot.learning-curve"));
    }

    [Fact]
    public void An_asked_trial_says_so_and_a_first_random_one_has_no_acquisition_value()
    {
        var id = Seed();

        var cut = ctx.Render<TrialDetailsPanel>(p => p.Add(c => c.Trial, Trial("initial", null, "external")).Add(c => c.StudyId, id));

        Assert.Equal("initial (random) · asked by an external caller (ask/tell)", cut.Find(".trial-origin").TextContent);
        Assert.Empty(cut.FindAll(".trial-acquisition"));
        Assert.Empty(cut.FindAll(".trial-queued")); // queued when it started: said once
    }

    [Fact]
    public void Lists_the_files_the_trial_wrote_with_sizes_and_download_links()
    {
        var id = Seed();
        var trialFolder = new TrialFolders(folder).For(id, 0);
        Directory.CreateDirectory(Path.Combine(trialFolder, "model dir"));
        File.WriteAllText(Path.Combine(trialFolder, "trial.log"), "hello\n");
        File.WriteAllBytes(Path.Combine(trialFolder, "model dir", "weights.bin"), new byte[3 * 1024]);

        var cut = ctx.Render<TrialDetailsPanel>(p => p.Add(c => c.Trial, Trial("acquisition", 0.5, "worker-a")).Add(c => c.StudyId, id)
            .Add(c => c.RunsAsProcess, true));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".trial-artifacts tbody tr").Count));
        var rows = cut.FindAll(".trial-artifacts tbody tr");
        Assert.Equal(["model dir/weights.bin", "trial.log"], rows.Select(r => r.GetAttribute("data-artifact")));
        Assert.Equal($"/api/studies/{id}/trials/0/artifacts/model%20dir/weights.bin", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("3.0 KiB", rows[0].QuerySelector("td.num")!.TextContent);
        Assert.Equal("6 B", rows[1].QuerySelector("td.num")!.TextContent);
    }

    [Fact]
    public void A_process_trial_that_wrote_nothing_says_so()
    {
        var id = Seed();

        var cut = ctx.Render<TrialDetailsPanel>(p => p.Add(c => c.Trial, Trial("acquisition", 0.5, "worker-a")).Add(c => c.StudyId, id)
            .Add(c => c.RunsAsProcess, true));

        cut.WaitForAssertion(() => Assert.Equal("This trial wrote no files.", cut.Find(".no-artifacts").TextContent));
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
