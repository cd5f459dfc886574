using System.Globalization;
using Bunit;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Plots;
using BoDashboard.Web.Components.StudyView;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components;

/// <summary>The posterior panel of a 4-parameter study: the view comes from and goes to the address (only its own
/// keys), every parameter off the axes has a control, the note says where the next trial goes or why there is none.</summary>
public sealed class PosteriorPanelTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public PosteriorPanelTests() => ctx.JSInterop.Mode = JSRuntimeMode.Loose;

    private async Task<StudyDetails> SeedAsync(string state, int running)
    {
        var factory = ctx.AddStudies(folder);
        int id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var study = new StudyEntity
            {
                Name = "four-parameters",
                ObjectiveJson = """{"kind":"external"}""",
                SearchSpaceJson = """
                    [{"name":"x","type":"float","low":0.001,"high":1,"log":true},{"name":"y","type":"float","low":0,"high":1},
                     {"name":"z","type":"int","low":1,"high":9},{"name":"kind","type":"categorical","choices":["a","b"]}]
                    """,
                SamplerJson = """{"name":"gp-ei","initialPoints":3,"seed":1}""",
                Budget = 20,
                State = state,
                CreatedAt = Start,
                UpdatedAt = Start,
            };
            var random = new Random(4);
            for (var n = 0; n < 7 + running; n++)
            {
                var (x, y, z, kind) = (Math.Pow(10, -3 * random.NextDouble()), random.NextDouble(), random.Next(1, 10), random.Next(2) == 0 ? "a" : "b");
                var done = n < 7;
                study.Trials.Add(new TrialEntity
                {
                    Number = n, State = done ? "complete" : "running", SuggestedBy = n < 3 ? "initial" : "acquisition",
                    ParamsJson = string.Create(CultureInfo.InvariantCulture, $$"""{"x":{{x}},"y":{{y}},"z":{{z}},"kind":"{{kind}}"}"""),
                    Value = done ? -Math.Pow(Math.Log10(x) + 1.5, 2) - y + 0.1 * z + (kind == "b" ? 0.3 : 0) : null,
                    StartedAt = Start.AddSeconds(10 * n), FinishedAt = done ? Start.AddSeconds(10 * n + 5) : null, WorkerName = "w",
                });
            }
            db.Studies.Add(study);
            await db.SaveChangesAsync();
            id = study.Id;
        }
        return await ctx.Services.GetRequiredService<StudyService>().GetAsync(id);
    }

    private IRenderedComponent<PosteriorPanel> Render(StudyDetails study) =>
        ctx.Render<PosteriorPanel>(p => p.Add(c => c.Study, study).Add(c => c.Revision, study.Trials.Count(t => t.State != "running")));

    [Fact]
    public async Task The_view_is_read_from_the_address_and_every_off_axis_parameter_has_a_control()
    {
        var study = await SeedAsync("running", running: 1);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/studies/{study.Id}?page=2&x=y&y=z&fix.x=0.2&fix.kind=b");

        var panel = Render(study);

        panel.WaitForAssertion(() => Assert.Contains("over y and z", panel.Find("h2").TextContent), Wait);
        panel.WaitForAssertion(() => Assert.NotNull(panel.FindComponent<PosteriorHeatmaps>().Instance.Traces.OfType<HeatMap>().FirstOrDefault()), Wait);
        Assert.Equal(["x", "kind"], panel.FindAll(".fixed-value").Select(l => l.GetAttribute("data-param")));
        Assert.Equal("0.2", panel.Find(".fixed-value[data-param='x'] output").TextContent);
        Assert.Equal("b", panel.Find(".fixed-value[data-param='kind'] select").GetAttribute("value"));
        Assert.Contains("the chosen values: x = 0.2, kind = b", panel.Find(".fixed-summary").TextContent);
        // x is a log parameter: 0.2 sits at log10(0.2 / 0.001) / 3 of its slider.
        Assert.Equal(((int)Math.Round(Math.Log10(200) / 3 * 1000)).ToString(CultureInfo.InvariantCulture),
            panel.Find(".fixed-value[data-param='x'] input").GetAttribute("value"));
        // The study is running with a trial in flight: a next candidate, and a hollow mark for the running trial.
        Assert.NotNull(panel.Find(".next-origin"));
        Assert.Contains("1 running trial", panel.Find(".running-note").TextContent);
        Assert.Contains("EI (standardised units)", panel.Find(".acquisition-units").TextContent);
    }

    [Fact]
    public async Task Changing_a_fixed_value_or_an_axis_writes_the_view_to_the_address_keeping_other_keys()
    {
        var study = await SeedAsync("running", running: 0);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/studies/{study.Id}?page=2&sort=value");
        var panel = Render(study);
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".fixed-value")), Wait);
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".loading")), Wait);

        await panel.Find(".fixed-value[data-param='z'] input").ChangeAsync(new ChangeEventArgs { Value = "6" });
        panel.WaitForAssertion(() => Assert.Contains("fix.z=7", navigation.Uri), Wait);
        panel.WaitForAssertion(() => Assert.Equal("7", panel.Find(".fixed-value[data-param='z'] output").TextContent), Wait);
        Assert.Contains("page=2", navigation.Uri);
        Assert.Contains("sort=value", navigation.Uri);

        await panel.Find(".fixed-value[data-param='kind'] select").ChangeAsync(new ChangeEventArgs { Value = "a" });
        panel.WaitForAssertion(() => Assert.Contains("fix.kind=a", navigation.Uri), Wait);

        await panel.Find("#posterior-x").ChangeAsync(new ChangeEventArgs { Value = "z" });
        panel.WaitForAssertion(() => Assert.Contains("x=z", navigation.Uri), Wait);
        // z is now an axis: its fixed value leaves the address, x gets a control instead.
        Assert.DoesNotContain("fix.z", navigation.Uri);
        panel.WaitForAssertion(() => Assert.Equal(["x", "kind"], panel.FindAll(".fixed-value").Select(l => l.GetAttribute("data-param"))), Wait);

        await panel.Find("#fixed-reset").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        panel.WaitForAssertion(() => Assert.DoesNotContain("fix.", navigation.Uri), Wait);
        Assert.Contains("page=2", navigation.Uri);
    }

    [Fact]
    public async Task A_completed_study_shows_no_next_candidate()
    {
        var study = await SeedAsync("completed", running: 0);

        var panel = Render(study);

        panel.WaitForAssertion(() => Assert.NotNull(panel.FindComponent<PosteriorHeatmaps>().Instance.Traces.OfType<HeatMap>().FirstOrDefault()), Wait);
        Assert.Contains("No next candidate: the study is completed.", panel.Find(".no-next").TextContent);
        Assert.DoesNotContain(panel.FindComponent<PosteriorHeatmaps>().Instance.Traces.OfType<Scatter>(), s => s.Name == PosteriorMarks.NextName);
        Assert.Empty(panel.FindAll(".running-note"));
    }

    [Fact]
    public async Task A_fixed_value_out_of_range_in_the_address_is_explained_and_can_be_reset()
    {
        var study = await SeedAsync("running", running: 0);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/studies/{study.Id}?fix.z=40");

        var panel = Render(study);

        panel.WaitForAssertion(() => Assert.Contains("z", panel.Find(".alert.error").TextContent), Wait);
        await panel.Find("#fixed-reset").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".alert.error")), Wait);
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
