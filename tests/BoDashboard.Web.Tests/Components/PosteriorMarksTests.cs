using Bunit;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Web.Components.Plots;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components;

/// <summary>What the maps draw over the surfaces: faded trials with full hover text, hollow running trials, the next
/// candidate only while the study proposes one, the trust region's box, and the acquisition labelled in its units.</summary>
public sealed class PosteriorMarksTests
{
    private static readonly double[] Axis = [0, 0.25, 0.5, 0.75, 1];

    private static double[][] Grid(double scale) => Axis.Select(y => Axis.Select(x => scale * (x + y)).ToArray()).ToArray();

    private static Dictionary<string, object> P(double x, double y, long z) => new() { ["x"] = x, ["y"] = y, ["z"] = z };

    private static PosteriorSlice2D Slice(PosteriorPoint? next, PosteriorRegion? region = null) =>
        new("x", "y", false, false, Axis, Axis, Grid(1), Grid(0.1), Grid(1e-5), "ei",
            [
                new PosteriorObservation(0, 0.25, 0.5, 0.91) { Params = P(0.25, 0.5, 3), Distance = 0 },
                new PosteriorObservation(1, 0.75, 0.25, 0.4) { Params = P(0.75, 0.25, 9), Distance = 0.6 },
            ],
            new PosteriorPoint(P(0.25, 0.5, 3), 0.91), next, new Dictionary<string, object> { ["z"] = 3L })
        {
            RunningTrials = [new PosteriorRunningTrial(2, 0.5, 0.75, P(0.5, 0.75, 5), 0.2)],
            NextRegion = region,
        };

    private static IRenderedComponent<PosteriorHeatmaps> Render(BunitContext ctx, PosteriorSlice2D slice) =>
        ctx.Render<PosteriorHeatmaps>(p => p.Add(h => h.Slice, slice).Add(h => h.ValueLabel, "accuracy"));

    [Fact]
    public void Trials_fade_with_their_distance_and_hover_names_number_value_and_every_parameter()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = Render(ctx, Slice(null));

        var observed = cut.Instance.Traces.OfType<Scatter>().Where(s => s.Name == PosteriorMarks.ObservedName).ToList();
        Assert.Equal(3, observed.Count);
        Assert.Equal([1m, 0.49m], observed[0].Marker.OpacityArray.Select(o => o!.Value));
        Assert.Equal("<b>trial 1</b> · value 0.4<br>x 0.75<br>y 0.25<br>z 9<br><i>0.60 from this slice (0 on it, 1 at the far corner)</i>",
            observed[0].TextArray[1]);
        Assert.Contains("<i>on this slice</i>", (string)observed[0].TextArray[0]);
    }

    [Fact]
    public void Running_trials_are_hollow_marks_with_their_parameters()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = Render(ctx, Slice(null));

        var running = cut.Instance.Traces.OfType<Scatter>().Where(s => s.Name == PosteriorMarks.RunningName).ToList();
        Assert.Equal(["y", "y2", "y3"], running.Select(r => r.YAxis));
        Assert.All(running, r => Assert.Equal(Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.DiamondOpen, r.Marker.Symbol));
        Assert.All(running, r => Assert.Equal([0.5], r.X.Cast<double>()));
        Assert.StartsWith("<b>trial 2</b> · running<br>x = 0.5<br>y = 0.75<br>z = 5", (string)running[0].TextArray[0]);
    }

    [Fact]
    public void Without_a_next_candidate_no_cross_is_drawn()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = Render(ctx, Slice(null));

        Assert.DoesNotContain(cut.Instance.Traces.OfType<Scatter>(), s => s.Name == PosteriorMarks.NextName);
        Assert.Empty(cut.Instance.CurrentLayout.Shapes);
    }

    [Fact]
    public void A_trust_region_step_is_a_cross_inside_a_dashed_box_with_its_origin_in_the_hover()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var next = new PosteriorPoint(P(0.3, 0.45, 3), null) { Origin = "trust-region", AcquisitionValue = 2e-5, Distance = 0.5 };

        var cut = Render(ctx, Slice(next, new PosteriorRegion(0.1, 0.4, 0.3, 0.6)));

        var crosses = cut.Instance.Traces.OfType<Scatter>().Where(s => s.Name == PosteriorMarks.NextName).ToList();
        Assert.Equal(3, crosses.Count);
        Assert.StartsWith("<b>next candidate</b> · trust region (local acquisition maximum)<br>acquisition 2e-05 (standardised units)",
            (string)crosses[0].TextArray[0]);
        Assert.All(crosses, c => Assert.Equal(0.575m, c.Marker.Opacity)); // off the slice: faded like a trial as far
        Assert.EndsWith("<i>0.50 from this slice (0 on it, 1 at the far corner)</i>", (string)crosses[0].TextArray[0]);
        var boxes = cut.Instance.CurrentLayout.Shapes;
        Assert.Equal(3, boxes.Count);
        Assert.All(boxes, b => Assert.Equal((0.1, 0.4, 0.3, 0.6), ((double)b.X0, (double)b.X1, (double)b.Y0, (double)b.Y1)));
        Assert.Equal(["x", "x2", "x3"], boxes.Select(b => b.XRef));
    }

    [Fact]
    public void Expected_improvement_is_coloured_by_log10_with_its_units_and_real_values_in_the_hover()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = Render(ctx, Slice(null));

        var ei = cut.Instance.Traces.OfType<HeatMap>().Last();
        Assert.Equal("EI (standardised units), log scale", ei.ColorBar.Title.Text);
        // The largest value, 2e-5, is log10 -4.7; the floor six decades lower.
        Assert.Equal(Math.Log10(2e-5), ((double[])ei.Z[4])[4], 9);
        Assert.Equal(Math.Log10(2e-5) - 6, ((double[])ei.Z[0])[0], 9);
        Assert.Contains("1e-5", ei.ColorBar.TickText.Cast<string>());
        Assert.Equal("2e-05", ((string[])ei.Text[4])[4]);
        Assert.Contains("EI (standardised units) %{text}", ei.HoverTemplate);
        Assert.Equal("μ (accuracy)", cut.Instance.Traces.OfType<HeatMap>().First().ColorBar.Title.Text);
    }

    [Fact]
    public void The_curve_labels_its_acquisition_axis_with_units_and_puts_running_trials_on_the_mean()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var slice = new PosteriorSlice1D("x", false, Axis, [0.1, 0.2, 0.3, 0.2, 0.1], [0.1, 0.1, 0.1, 0.1, 0.1], [0, 0.1, 0.2, 0.1, 0], "ucb",
            [new PosteriorObservation(0, 0.5, null, 0.3) { Params = new Dictionary<string, object> { ["x"] = 0.5 } }], null, null,
            new Dictionary<string, object>())
        {
            RunningTrials = [new PosteriorRunningTrial(1, 0.75, null, new Dictionary<string, object> { ["x"] = 0.75 }, 0)],
        };

        var cut = ctx.Render<PosteriorCurve>(p => p.Add(c => c.Slice, slice));

        Assert.Equal("UCB (standardised units)", cut.Instance.CurrentLayout.YAxis[1].Title.Text);
        var running = cut.Instance.Traces.OfType<Scatter>().Single(s => s.Name == PosteriorMarks.RunningName);
        Assert.Equal([0.2], running.Y.Cast<double>());
        Assert.DoesNotContain(cut.Instance.Traces.OfType<Scatter>(), s => s.Name == PosteriorMarks.NextName);
    }
}
