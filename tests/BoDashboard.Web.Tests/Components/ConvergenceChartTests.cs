using Bunit;
using BoDashboard.Web.Components.Plots;
using Plotly.Blazor.Traces;

namespace BoDashboard.Web.Tests.Components;

public sealed class ConvergenceChartTests
{
    /// <summary>A maximising run whose trials 0.. have these values (null: the trial did not complete).</summary>
    private static ConvergenceSeries Run(string name, string? group, params double?[] values)
    {
        var numbers = values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => p.i).ToList();
        var complete = values.OfType<double>().ToList();
        var best = new List<double>();
        foreach (var v in complete) best.Add(best.Count == 0 ? v : Math.Max(best[^1], v));
        return new ConvergenceSeries(name, numbers, complete, best, group);
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics()
    {
        double[] sorted = [1, 2, 4, 8];
        Assert.Equal(3, ConvergenceBand.Quantile(sorted, 0.5));
        Assert.Equal(1.75, ConvergenceBand.Quantile(sorted, 0.25));
        Assert.Equal(5, ConvergenceBand.Quantile(sorted, 0.75));
        Assert.Equal(7, ConvergenceBand.Quantile([7], 0.25));
    }

    [Fact]
    public void A_band_summarises_the_runs_that_reached_each_trial()
    {
        var band = ConvergenceBand.From("gp-ei",
        [
            Run("s0", "gp-ei", 1, 5, 2),
            Run("s1", "gp-ei", 3, 3, 3),
            Run("s2", "gp-ei", null, 2, 9, 1), // no value before trial 1; one trial further than the others
        ]);

        Assert.Equal([0, 1, 2, 3], band.Numbers);
        // trial 0: runs s0 and s1 (1, 3); trial 1: 5, 3, 2; trial 2: 5, 3, 9; trial 3: s2 alone (9).
        Assert.Equal([2, 3, 5, 9], band.Median);
        Assert.Equal([1.5, 2.5, 4, 9], band.Lower);
        Assert.Equal([2.5, 4, 7, 9], band.Upper);
        Assert.Equal(3, band.Runs);
    }

    [Fact]
    public void Seeds_of_one_sampler_are_drawn_as_median_and_interquartile_band_and_a_single_run_as_its_line()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ConvergenceSeries[] series =
        [
            Run("gp-ei seed 0", "gp-ei", 1, 4, 6),
            Run("gp-ei seed 1", "gp-ei", 2, 2, 7),
            Run("gp-ei seed 2", "gp-ei", 0, 5, 5),
            Run("random seed 0", "random", 1, 1, 2),
            Run("random seed 1", "random", 3, 3, 3),
            Run("grid", "grid", 2, 2, 4),
        ];

        var chart = ctx.Render<ConvergenceChart>(p => p.Add(c => c.Series, series).Add(c => c.ValueLabel, "accuracy"));

        var traces = chart.Instance.Traces.OfType<Scatter>().ToList();
        Assert.Equal([
            "gp-ei: 25th percentile", "gp-ei: interquartile range", "gp-ei: median of 3 seeds",
            "random: 25th percentile", "random: interquartile range", "random: median of 2 seeds",
            "grid: best so far", "grid: trial value"], traces.Select(t => t.Name));
        var upper = traces[1];
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY, upper.Fill);
        Assert.StartsWith("rgba(", upper.FillColor?.ToString());
        Assert.Null(traces[0].Fill);
        // gp-ei best so far per seed: (1, 4, 6), (2, 2, 7), (0, 5, 5).
        Assert.Equal([1.0, 4, 6], traces[2].Y.Cast<double>());
        Assert.Equal([0.5, 3, 5.5], traces[0].Y.Cast<double>());
        Assert.Equal([1.5, 4.5, 6.5], traces[1].Y.Cast<double>());
        Assert.Equal(traces[2].Line.Color, traces[1].Line.Color);
        Assert.NotEqual(traces[2].Line.Color, traces[5].Line.Color);
        Assert.Equal(["gp-ei", "random"], chart.Instance.Bands.Select(b => b.Name));
    }

    [Fact]
    public void Without_groups_every_study_keeps_its_own_line()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var chart = ctx.Render<ConvergenceChart>(p => p.Add(c => c.Series, [Run("study a #1", null, 1, 2), Run("study b #2", null, 3, 1)]));

        Assert.Empty(chart.Instance.Bands);
        Assert.Equal(["study a #1: best so far", "study a #1: trial value", "study b #2: best so far", "study b #2: trial value"],
            chart.Instance.Traces.OfType<Scatter>().Select(t => t.Name));
        Assert.DoesNotContain(chart.Instance.Traces.OfType<Scatter>(), t => t.Fill is not null);
    }
}
