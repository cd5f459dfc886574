using Bunit;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Web.Components.Plots;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components;

public sealed class PosteriorHeatmapsTests
{
    private static PosteriorSlice2D Slice(bool log)
    {
        const int r = 5;
        double[] axis = log ? [1e-5, 1e-4, 1e-3, 1e-2, 1e-1] : [0, 1, 2, 3, 4];
        double[][] Grid(double scale) => Enumerable.Range(0, r).Select(y => Enumerable.Range(0, r).Select(x => scale * (x + y)).ToArray()).ToArray();
        var best = new PosteriorPoint(new Dictionary<string, object> { ["learning_rate"] = axis[3], ["weight_decay"] = axis[1] }, 0.91);
        var next = new PosteriorPoint(new Dictionary<string, object> { ["learning_rate"] = axis[2], ["weight_decay"] = axis[4] }, null);
        return new PosteriorSlice2D("learning_rate", "weight_decay", log, log, axis, axis, Grid(1), Grid(0.1), Grid(0.01), "ei",
            [new PosteriorObservation(0, axis[3], axis[1], 0.91), new PosteriorObservation(1, axis[0], axis[0], 0.5)], best, next,
            new Dictionary<string, object>());
    }

    [Fact]
    public void Draws_mean_std_and_ei_heatmaps_with_observations_best_and_candidate_on_log_axes()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = ctx.Render<PosteriorHeatmaps>(p => p.Add(h => h.Slice, Slice(log: true)).Add(h => h.ValueLabel, "validation accuracy"));

        var traces = cut.Instance.Traces;
        var heatmaps = traces.OfType<HeatMap>().ToList();
        Assert.Equal(3, heatmaps.Count);
        Assert.Equal(["x", "x2", "x3"], heatmaps.Select(h => h.XAxis));
        Assert.All(heatmaps, h => Assert.NotNull(h.ColorBar)); // every map has its colour bar
        Assert.Equal("EI (standardised units), log scale", heatmaps[2].ColorBar.Title.Text);
        Assert.Equal("μ (validation accuracy)", heatmaps[0].ColorBar.Title.Text);

        var candidates = traces.OfType<Scatter>().Where(s => s.Name == "next candidate").ToList();
        Assert.Equal(3, candidates.Count); // marked on each map
        Assert.All(candidates, c => Assert.Equal(Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.X, c.Marker.Symbol));
        Assert.All(candidates, c => Assert.Equal([1e-3], c.X.Cast<double>()));
        Assert.Equal(3, traces.OfType<Scatter>().Count(s => s.Name == "best trial" && s.Marker.Symbol == Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Star));
        Assert.All(traces.OfType<Scatter>().Where(s => s.Name == "observed trials"), s => Assert.Equal("#000000", s.Marker.Color));

        var layout = cut.Instance.CurrentLayout;
        Assert.All(layout.XAxis, a => Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log, a.Type));
        Assert.All(layout.YAxis, a => Assert.Equal(Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log, a.Type));
        Assert.Equal("learning_rate (log scale)", layout.XAxis[0].Title.Text);
        Assert.Single(cut.FindAll(".plot.heatmaps"));
    }

    [Fact]
    public void Linear_parameters_get_linear_axes()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = ctx.Render<PosteriorHeatmaps>(p => p.Add(h => h.Slice, Slice(log: false)));

        Assert.All(cut.Instance.CurrentLayout.XAxis, a => Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Linear, a.Type));
        Assert.Equal("learning_rate", cut.Instance.CurrentLayout.XAxis[0].Title.Text);
    }

    [Fact]
    public void A_study_without_completed_trials_shows_an_explanation_instead_of_empty_axes()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var empty = Slice(log: true) with { Mean = [], Std = [], Acquisition = [], Observations = [], Best = null };

        var cut = ctx.Render<PosteriorHeatmaps>(p => p.Add(h => h.Slice, empty));

        Assert.Contains("No completed trial yet", cut.Find(".plot-empty").TextContent);
        Assert.Empty(cut.Instance.Traces);
    }
}
