using System.Globalization;
using Bunit;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Analysis;
using Microsoft.Extensions.DependencyInjection;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components.Analysis;

/// <summary>The analysis section on the real study service: what it shows with no trial, one trial and many.</summary>
public sealed class StudyAnalysisPanelTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public StudyAnalysisPanelTests() => ctx.JSInterop.Mode = JSRuntimeMode.Loose;

    /// <summary>An external study over x (matters), y (matters less) and unused (does not), with n completed trials.</summary>
    private int Seed(int n)
    {
        var factory = ctx.AddStudies(folder);
        using var db = factory.CreateDbContext();
        var start = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var study = new StudyEntity
        {
            Name = "analysis", ObjectiveJson = """{"kind":"external"}""",
            SearchSpaceJson = """[{"name":"x","type":"float","low":0,"high":1},{"name":"y","type":"float","low":0,"high":1},{"name":"unused","type":"float","low":0,"high":1}]""",
            SamplerJson = """{"name":"gp-ei","initialPoints":20,"seed":1}""", Budget = 30, State = "running", CreatedAt = start, UpdatedAt = start,
        };
        var random = new Random(7);
        for (var i = 0; i < n; i++)
        {
            var (x, y, u) = (random.NextDouble(), random.NextDouble(), random.NextDouble());
            study.Trials.Add(new TrialEntity
            {
                Number = i, State = TrialStates.Complete, SuggestedBy = "initial", Value = Math.Sin(6 * x) + 0.3 * y,
                ParamsJson = string.Create(CultureInfo.InvariantCulture, $$"""{"x":{{x}},"y":{{y}},"unused":{{u}}}"""),
                StartedAt = start, FinishedAt = start.AddSeconds(1),
            });
        }
        db.Studies.Add(study);
        db.SaveChanges();
        return study.Id;
    }

    private async Task<IRenderedComponent<StudyAnalysisPanel>> RenderAsync(int id)
    {
        var details = await ctx.Services.GetRequiredService<StudyService>().GetAsync(id);
        return ctx.Render<StudyAnalysisPanel>(p => p.Add(c => c.Study, details).Add(c => c.Revision, details.Trials.Count));
    }

    [Fact]
    public async Task With_no_trial_each_view_says_what_it_waits_for()
    {
        var cut = await RenderAsync(Seed(0));
        cut.WaitForAssertion(() => Assert.Contains("at least 3 completed trials", cut.Find("#importance .plot-empty").TextContent), Wait);
        cut.WaitForAssertion(() => Assert.Contains("No completed trial yet", cut.Find("#slices .plot-empty").TextContent), Wait);
        Assert.Contains("No trial with a value yet", cut.Find("#parallel-coordinates .plot-empty").TextContent);
    }

    [Fact]
    public async Task With_one_trial_slices_and_parallel_coordinates_show_it_and_importance_waits()
    {
        var cut = await RenderAsync(Seed(1));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindComponents<SliceChart>().Count), Wait);
        cut.WaitForAssertion(() => Assert.Contains("this study has 1", cut.Find("#importance .plot-empty").TextContent), Wait);
        Assert.Equal([0], cut.FindComponent<ParallelCoordinatesChart>().Instance.Figure.Numbers);
    }

    [Fact]
    public async Task With_many_trials_importance_ranks_the_parameters_and_the_unused_one_last()
    {
        var cut = await RenderAsync(Seed(25));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindComponents<ImportanceChart>()), Wait);
        var total = cut.FindComponent<ImportanceChart>().Instance.Traces.OfType<Bar>().First();
        Assert.Equal(["x", "y", "unused"], total.X.Cast<string>());
        Assert.True((double)total.Y[2] < 0.05, $"unused: {total.Y[2]}");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindComponents<SliceChart>().Count), Wait);
        Assert.Equal(25, cut.FindComponent<ParallelCoordinatesChart>().Instance.Figure.Numbers.Count);
    }

    public void Dispose()
    {
        ctx.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
