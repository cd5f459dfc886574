using Bunit;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Web.Components.Plots;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components;

/// <summary>Pruned trials on the posterior plots: hollow markers with a legend entry "pruned trials" beside
/// "observed trials", on each heatmap and on the 1-D curve; none when no trial was pruned.</summary>
public sealed class PrunedPosteriorMarkersTests
{
    private static readonly double[] Axis = [0, 0.25, 0.5, 0.75, 1];

    private static double[][] Grid() => Axis.Select(y => Axis.Select(x => x + y).ToArray()).ToArray();

    private static PosteriorSlice2D Slice2D(params PosteriorObservation[] pruned) =>
        new("x", "y", false, false, Axis, Axis, Grid(), Grid(), Grid(), "ei",
            [new PosteriorObservation(0, 0.25, 0.5, 0.9)], null, null, new Dictionary<string, object>())
        {
            PrunedObservations = pruned,
        };

    [Fact]
    public void Each_heatmap_draws_the_pruned_trials_as_hollow_markers_with_one_legend_entry()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = ctx.Render<PosteriorHeatmaps>(p => p.Add(h => h.Slice, Slice2D(new(1, 0.75, 0.25, 0.31), new(2, 1, 0, 0.12))));

        var scatters = cut.Instance.Traces.OfType<Scatter>().ToList();
        var pruned = scatters.Where(s => s.Name == "pruned trials").ToList();
        Assert.Equal(["y", "y2", "y3"], pruned.Select(s => s.YAxis));
        Assert.All(pruned, s => Assert.Equal([0.75, 1.0], s.X.Cast<double>()));
        Assert.All(pruned, s => Assert.Equal([0.25, 0.0], s.Y.Cast<double>()));
        Assert.All(pruned, s => Assert.Equal(Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers, s.Mode));
        Assert.All(pruned, s => Assert.Equal(("#ffffff", "#000000"), ((string)s.Marker.Color, (string)s.Marker.Line.Color)));
        Assert.All(pruned, s => Assert.Equal("%{text}<extra></extra>", s.HoverTemplate));
        Assert.Equal("<b>trial 1</b> · pruned<br>x 0.75<br>y 0.25<br>stopped at 0.31", pruned[0].TextArray[0]);
        // The observed trials are still the completed ones only, as black dots.
        Assert.All(scatters.Where(s => s.Name == "observed trials"), s => Assert.Equal([0.25], s.X.Cast<double>()));
        // The legend: "pruned trials" right after "observed trials", once.
        Assert.Equal(["observed trials", "pruned trials"], scatters.Where(s => s.ShowLegend == true).Select(s => s.Name));
    }

    [Fact]
    public void Without_pruned_trials_there_is_no_pruned_trace_nor_legend_entry()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = ctx.Render<PosteriorHeatmaps>(p => p.Add(h => h.Slice, Slice2D()));

        Assert.DoesNotContain(cut.Instance.Traces.OfType<Scatter>(), s => s.Name == "pruned trials");
    }

    [Fact]
    public void The_curve_draws_pruned_trials_at_the_value_they_were_stopped_at()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var slice = new PosteriorSlice1D("x", false, Axis, [0.1, 0.2, 0.3, 0.2, 0.1], [0.1, 0.1, 0.1, 0.1, 0.1], [0, 0.1, 0.2, 0.1, 0], "ei",
            [new PosteriorObservation(0, 0.5, null, 0.3)], null, null, new Dictionary<string, object>())
        {
            PrunedObservations = [new PosteriorObservation(1, 0.9, null, 0.05)],
        };

        var cut = ctx.Render<PosteriorCurve>(p => p.Add(c => c.Slice, slice));

        var pruned = cut.Instance.Traces.OfType<Scatter>().Single(s => s.Name == "pruned trials");
        Assert.Equal([0.9], pruned.X.Cast<double>());
        Assert.Equal([0.05], pruned.Y.Cast<double>());
        Assert.Equal("#ffffff", pruned.Marker.Color);
        Assert.Equal("<b>trial 1</b> · pruned<br>x 0.9<br>stopped at 0.05", Assert.Single(pruned.TextArray));
    }
}
