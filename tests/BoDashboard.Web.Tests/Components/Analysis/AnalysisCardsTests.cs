using Bunit;
using BoDashboard.Optimization.Analysis;
using BoDashboard.Web.Components.Analysis;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components.Analysis;

/// <summary>The importance and slice cards in each state: computing, failed, nothing to show yet, drawn.</summary>
public sealed class AnalysisCardsTests : IDisposable
{
    private readonly BunitContext ctx = new();

    public AnalysisCardsTests() => ctx.JSInterop.Mode = JSRuntimeMode.Loose;

    private static ParameterImportance Importance() => new(
    [
        new ParameterImportanceEntry("learning_rate", 0.6, 0.05, 0.7, 0.04),
        new ParameterImportanceEntry("layers", 0.2, 0.03, 0.25, 0.02),
        new ParameterImportanceEntry("optimizer", 0.01, 0.01, 0.02, 0.01),
    ], CompletedTrials: 30, BaseSamples: 1024, Replicates: 24);

    [Fact]
    public void Importance_while_computing_shows_a_loading_state()
    {
        var cut = ctx.Render<ImportanceCard>();
        Assert.Contains("Computing the parameter importance", cut.Find(".plot-empty.loading").TextContent);
    }

    [Fact]
    public void Importance_that_failed_says_why()
    {
        var cut = ctx.Render<ImportanceCard>(p => p.Add(c => c.Error, "database is locked"));
        Assert.Equal("The importance could not be computed: database is locked", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindComponents<ImportanceChart>());
    }

    [Fact]
    public void Importance_with_too_few_trials_shows_the_message()
    {
        var cut = ctx.Render<ImportanceCard>(p => p.Add(c => c.Importance,
            new ParameterImportance([], 1, 1024, 0, "Parameter importance needs at least 3 completed trials; this study has 1.")));
        Assert.Equal("Parameter importance needs at least 3 completed trials; this study has 1.", cut.Find(".plot-empty").TextContent);
        Assert.Empty(cut.FindComponents<ImportanceChart>());
    }

    [Fact]
    public void Importance_draws_total_and_first_order_bars_per_parameter_with_two_standard_errors()
    {
        var cut = ctx.Render<ImportanceCard>(p => p.Add(c => c.Importance, Importance()));

        var bars = cut.FindComponent<ImportanceChart>().Instance.Traces.OfType<Bar>().ToList();
        Assert.Equal([ImportanceChart.TotalName, ImportanceChart.FirstName], bars.Select(b => b.Name));
        Assert.All(bars, b => Assert.Equal(["learning_rate", "layers", "optimizer"], b.X.Cast<string>()));
        Assert.Equal([0.7, 0.25, 0.02], bars[0].Y.Cast<double>());
        Assert.Equal([0.08, 0.04, 0.02], bars[0].ErrorY.Array.Cast<double>());
        Assert.Contains("from 30 completed trials", cut.Find(".small-print").TextContent);
    }

    private static ParameterSlices Slices(int trials)
    {
        var observations = Enumerable.Range(0, trials).Select(i => new SliceObservation(i, 1e-4 * (i + 1), null, 0.5 + 0.1 * i)).ToArray();
        var choices = Enumerable.Range(0, trials).Select(i => new SliceObservation(i, null, i % 2 == 0 ? "sgd" : "adam", 0.5 + 0.1 * i)).ToArray();
        var fitted = trials > 0;
        var lr = new ParameterSlice("learning_rate", true, false, [1e-5, 1e-3, 1e-1], [], fitted ? [0.4, 0.6, 0.5] : [], fitted ? [0.1, 0.05, 0.1] : [], observations);
        var optimizer = new ParameterSlice("optimizer", false, true, [], ["sgd", "adam", "rmsprop"], fitted ? [0.5, 0.7, 0.6] : [], fitted ? [0.05, 0.02, 0.2] : [], choices);
        var through = new Dictionary<string, object> { ["learning_rate"] = 1e-3, ["optimizer"] = "adam" };
        return new ParameterSlices([lr, optimizer], through, fitted ? trials - 1 : null);
    }

    [Fact]
    public void Slices_while_computing_and_after_a_failure()
    {
        Assert.Contains("Computing the slices", ctx.Render<SliceCard>().Find(".loading").TextContent);
        Assert.Contains("could not be computed: boom", ctx.Render<SliceCard>(p => p.Add(c => c.Error, "boom")).Find("[role=alert]").TextContent);
    }

    [Fact]
    public void Slices_without_trials_explain_what_will_appear()
    {
        var cut = ctx.Render<SliceCard>(p => p.Add(c => c.Slices, Slices(0)));
        Assert.Contains("No completed trial yet", cut.Find(".plot-empty").TextContent);
        Assert.Empty(cut.FindComponents<SliceChart>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Slices_draw_one_small_plot_per_parameter_with_trials_band_and_choice_error_bars(int trials)
    {
        var cut = ctx.Render<SliceCard>(p => p.Add(c => c.Slices, Slices(trials)).Add(c => c.ValueLabel, "accuracy"));

        var charts = cut.FindComponents<SliceChart>();
        Assert.Equal(2, charts.Count);
        Assert.Equal(["learning_rate", "optimizer"], cut.FindAll(".slice-plot").Select(e => e.GetAttribute("data-parameter")));

        var numeric = charts[0].Instance;
        var dots = numeric.Traces.OfType<Scatter>().Single(t => t.Name == SliceChart.TrialsName);
        Assert.Equal(trials, dots.Y.Count);
        Assert.Contains(numeric.Traces.OfType<Scatter>(), t => t.Name == SliceChart.ModelName);
        var upper = numeric.Traces.OfType<Scatter>().Single(t => t.Name == "μ + 2σ");
        Assert.Equal([0.6, 0.7, 0.7], upper.Y.Cast<double>().Select(v => Math.Round(v, 12)));
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log, numeric.CurrentLayout.XAxis[0].Type);
        Assert.Equal("learning_rate (log scale)", numeric.CurrentLayout.XAxis[0].Title.Text);
        Assert.Equal("accuracy", numeric.CurrentLayout.YAxis[0].Title.Text);

        var categorical = charts[1].Instance;
        var means = categorical.Traces.OfType<Scatter>().Single(t => t.Name == SliceChart.ModelName);
        Assert.Equal(["sgd", "adam", "rmsprop"], means.X.Cast<string>());
        Assert.Equal([0.1, 0.04, 0.4], means.ErrorY.Array.Cast<double>());
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, categorical.CurrentLayout.XAxis[0].Type);
        var best = categorical.Traces.OfType<Scatter>().Single(t => t.Name == "best trial");
        Assert.Equal(["adam"], best.X.Cast<string>());
        Assert.Equal([0.7], best.Y.Cast<double>());
    }

    public void Dispose() => ctx.Dispose();
}
