using System.Globalization;
using Bunit;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Pages;
using BoDashboard.Web.Components.Plots;
using Microsoft.Extensions.DependencyInjection;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components;

/// <summary>The study page of a study with a pruner: the header names the pruner and the compute it saved (live), the
/// trial counts include pruned trials, and the posterior heatmaps mark pruned trials apart from completed ones.</summary>
public sealed class PruningStudyPageTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();
    private Microsoft.EntityFrameworkCore.IDbContextFactory<StudiesDbContext>? factory;

    public PruningStudyPageTests() => ctx.JSInterop.Mode = JSRuntimeMode.Loose;

    private static TrialEntity Trial(int number, string state, double x, double y, params double[] curve)
    {
        var t = new TrialEntity
        {
            Number = number, State = state, SuggestedBy = "random",
            ParamsJson = string.Create(CultureInfo.InvariantCulture, $$"""{"x":{{x}},"y":{{y}}}"""),
            Value = curve.Length > 0 ? curve[^1] : null,
            StartedAt = Start.AddSeconds(10 * number), FinishedAt = Start.AddSeconds(10 * number + 2), WorkerName = "worker-a",
        };
        for (var i = 0; i < curve.Length; i++) t.IntermediateValues.Add(new IntermediateValueEntity { Step = i + 1, Value = curve[i], ReportedAt = t.StartedAt });
        return t;
    }

    /// <summary>An ASHA study over x and y: trials 0 and 3 completed 9 steps, trial 1 was pruned at step 1, trial 2 at
    /// step 3. Steps run 9 + 1 + 3 + 9 = 22 of 36 without pruning: 39 % saved.</summary>
    private int SeedStudy()
    {
        factory = ctx.AddStudies(folder);
        using var db = factory.CreateDbContext();
        var study = new StudyEntity
        {
            Name = "asha-xy",
            ObjectiveJson = """{"kind":"external"}""",
            SearchSpaceJson = """[{"name":"x","type":"float","low":0,"high":1},{"name":"y","type":"float","low":0,"high":1}]""",
            SamplerJson = """{"name":"random","seed":3}""",
            PrunerJson = """{"name":"asha","minResource":1,"reductionFactor":3}""",
            Budget = 8,
            State = "running",
            CreatedAt = Start,
            UpdatedAt = Start,
        };
        double[] Curve(double final, int steps) => Enumerable.Range(1, steps).Select(s => final * (1 - Math.Exp(-s / 2.5))).ToArray();
        study.Trials.Add(Trial(0, "complete", 0.3, 0.5, Curve(0.9, 9)));
        study.Trials.Add(Trial(1, "pruned", 0.9, 0.1, Curve(0.4, 1)));
        study.Trials.Add(Trial(2, "pruned", 0.7, 0.8, Curve(0.6, 3)));
        study.Trials.Add(Trial(3, "complete", 0.2, 0.6, Curve(0.95, 9)));
        db.Studies.Add(study);
        db.SaveChanges();
        return study.Id;
    }

    [Fact]
    public async Task The_header_names_the_pruner_and_the_compute_it_saved_and_follows_new_trials()
    {
        var id = SeedStudy();
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("table.trials tbody tr").Count), Wait);

        Assert.Equal("ASHA pruner (min resource 1, reduction factor 3)", page.Find("#study-pruner .pruner-settings").TextContent);
        Assert.Equal("steps run 22 of 36 without pruning · 39 % saved", page.Find("#compute-saved").TextContent);
        Assert.StartsWith("2 complete · 2 pruned", page.Find("#trial-counts").TextContent);
        Assert.Equal(2, page.FindAll("table.trials tr.trial-pruned").Count);

        // Another trial is pruned at step 1 while the page is open: the header follows without a reload.
        using (var db = factory!.CreateDbContext())
        {
            var trial = Trial(4, "pruned", 0.5, 0.2, 0.1);
            trial.StudyId = id;
            db.Trials.Add(trial);
            await db.SaveChangesAsync();
        }
        ctx.Services.GetRequiredService<StudyEvents>().Publish(new StudyChange(id, StudyChangeKind.TrialFinished, 4));

        page.WaitForAssertion(() => Assert.Equal("steps run 23 of 45 without pruning · 49 % saved", page.Find("#compute-saved").TextContent), Wait);
        Assert.StartsWith("2 complete · 3 pruned", page.Find("#trial-counts").TextContent);
    }

    [Fact]
    public void The_heatmaps_mark_pruned_trials_with_hollow_markers_and_a_legend_entry_of_their_own()
    {
        var id = SeedStudy();
        var page = ctx.Render<StudyPage>(p => p.Add(s => s.Id, id));

        // The posterior is computed off the dispatcher: wait for the heatmaps.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindComponents<PosteriorHeatmaps>()), Wait);
        var traces = page.FindComponent<PosteriorHeatmaps>().Instance.Traces.OfType<Scatter>().ToList();

        var observed = traces.Where(t => t.Name == "observed trials").ToList();
        var pruned = traces.Where(t => t.Name == PosteriorHeatmaps.PrunedName).ToList();
        Assert.Equal(3, observed.Count); // one per map
        Assert.Equal(3, pruned.Count);
        // The completed trials are the black dots; the pruned ones are not among them.
        Assert.All(observed, t => Assert.Equal([0.3, 0.2], t.X.Cast<double>()));
        Assert.All(pruned, t => Assert.Equal([0.9, 0.7], t.X.Cast<double>()));
        Assert.All(pruned, t => Assert.Equal([0.1, 0.8], t.Y.Cast<double>()));
        Assert.Equal(["x", "x2", "x3"], pruned.Select(t => t.XAxis));
        // Hollow: a white disc in a black ring, beside the black dots.
        Assert.All(pruned, t => Assert.Equal(("#ffffff", "#000000"), ((string)t.Marker.Color, (string)t.Marker.Line.Color)));
        Assert.All(observed, t => Assert.Equal("#000000", t.Marker.Color));
        // One legend entry each, beside each other.
        Assert.Equal([true, false, false], pruned.Select(t => t.ShowLegend ?? false));
        var legend = traces.Where(t => t.ShowLegend == true).Select(t => t.Name).ToList();
        Assert.Equal(legend.IndexOf("observed trials") + 1, legend.IndexOf(PosteriorHeatmaps.PrunedName));
        // Hovering one names the trial and where it was stopped.
        Assert.Equal("<b>trial 2</b> · pruned<br>x 0.7<br>y 0.8<br>stopped at 0.4193", pruned[0].TextArray[1]);
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
