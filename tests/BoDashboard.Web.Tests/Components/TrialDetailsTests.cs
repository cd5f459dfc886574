using Bunit;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Persistence;
using BoDashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Components;

/// <summary>The study page of a command study: its header names the command, the trial table marks pruned and
/// cancelled trials, and a click on a trial opens its details with its log.</summary>
public sealed class TrialDetailsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public TrialDetailsTests()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(new CommandCatalog(new Dictionary<string, CommandDefinition>
        {
            ["quadratic"] = new() { Description = "(x - 0.3)^2 as a trial program", Executable = "python3", Arguments = ["quad.py", "{x}"] },
        }));
    }

    private int SeedStudy()
    {
        var db = ctx.AddStudies(folder).CreateDbContext();
        using (db)
        {
            var start = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
            var study = new StudyEntity
            {
                Name = "quadratic-random",
                ObjectiveJson = """{"kind":"command","command":"quadratic"}""",
                SearchSpaceJson = """[{"name":"x","type":"float","low":0,"high":1}]""",
                SamplerJson = """{"name":"random","seed":0}""",
                Budget = 4,
                State = "cancelled",
                CreatedAt = start,
                UpdatedAt = start,
            };
            TrialEntity Trial(int number, string state, double? value, double x, string? log, params double[] curve)
            {
                var t = new TrialEntity
                {
                    Number = number, ParamsJson = $"{{\"x\":{x.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}", State = state, Value = value,
                    SuggestedBy = "random", StartedAt = start.AddSeconds(10 * number), FinishedAt = start.AddSeconds(10 * number + 2.5),
                    WorkerName = "worker-a", LogTail = log, Error = state == "cancelled" ? "cancelled by the user" : null,
                };
                for (var i = 0; i < curve.Length; i++) t.IntermediateValues.Add(new IntermediateValueEntity { Step = i + 1, Value = curve[i], ReportedAt = t.StartedAt });
                return t;
            }
            study.Trials.Add(Trial(0, "complete", 0.8, 0.3, "training with x=0.3\nstep 3: 0.8000", 0.5, 0.7, 0.8));
            study.Trials.Add(Trial(1, "pruned", 0.2, 0.9, "training with x=0.9\nstep 1: 0.1000\nstep 2: 0.2000\n[bo] pruned at step 2", 0.1, 0.2));
            study.Trials.Add(Trial(2, "cancelled", null, 0.5, null, 0.3));
            db.Studies.Add(study);
            db.SaveChanges();
            return study.Id;
        }
    }

    [Fact]
    public async Task Clicking_a_trial_opens_its_details_with_parameters_curve_and_log_tail()
    {
        var id = SeedStudy();
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("table.trials tbody tr").Count));

        Assert.Contains("command quadratic", page.Find(".subtitle").TextContent);
        Assert.Contains("(x - 0.3)^2 as a trial program", page.Find("#study-command").TextContent);
        Assert.Single(page.FindAll("#intermediate-values")); // trials reported values: the chart of all of them is shown
        // Pruned and cancelled trials are told apart (row and badge classes).
        Assert.Contains("trial-pruned", page.Find("tr[data-trial='1']").ClassList);
        Assert.Contains("trial-cancelled", page.Find("tr[data-trial='2']").ClassList);
        Assert.Equal("pruned", page.Find("tr[data-trial='1'] .state-pruned").TextContent);
        Assert.Equal("cancelled", page.Find("tr[data-trial='2'] .state-cancelled").TextContent);
        Assert.Empty(page.FindAll("#trial-details"));

        // The page is still loading in the background (posterior, watch): clicks are awaited and their effect waited for.
        await page.Find("tr[data-trial='1']").ClickAsync(new MouseEventArgs());

        var details = page.WaitForElement("#trial-details[data-trial='1']");
        Assert.Equal("1", details.GetAttribute("data-trial"));
        Assert.Contains("pruned", details.QuerySelector("h2")!.TextContent);
        Assert.Contains("0.2 (pruned at step 2", details.QuerySelector(".trial-value")!.TextContent);
        Assert.Equal("worker-a", details.QuerySelector(".trial-worker")!.TextContent);
        Assert.Contains("2.5 s", details.TextContent);
        Assert.Equal(["x", "0.9"], details.QuerySelectorAll(".trial-params tbody td").Select(td => td.TextContent));
        Assert.Equal("training with x=0.9\nstep 1: 0.1000\nstep 2: 0.2000\n[bo] pruned at step 2", details.QuerySelector("pre.log-tail")!.TextContent);
        Assert.NotNull(details.QuerySelector(".plot.learning-curve"));
        Assert.Contains("selected", page.Find("tr[data-trial='1']").ClassList);

        // Another row shows that trial instead; its error is shown, and it kept no log.
        await page.Find("tr[data-trial='2']").ClickAsync(new MouseEventArgs());
        details = page.WaitForElement("#trial-details[data-trial='2']");
        Assert.Equal("2", details.GetAttribute("data-trial"));
        Assert.Equal("cancelled by the user", details.QuerySelector(".trial-error")!.TextContent);
        Assert.NotNull(details.QuerySelector(".no-log"));

        await page.Find("#close-trial-details").ClickAsync(new MouseEventArgs());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#trial-details")));
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
