using BoDashboard.Optimization.Minimization;

namespace BoDashboard.Optimization.Tests.Minimization;

/// <summary>Lockstep searches that cannot catch up with the best one stop early; the best search is not touched.</summary>
public sealed class AbandonedSearchTests
{
    // An acquisition-like landscape (negated, to be minimised): a broad deep basin, a narrow shallower one and a
    // narrower, shallower still.
    private static readonly (double X, double Y, double Width, double Depth)[] Bumps = [(0.8, 0.8, 0.3, 1.0), (0.2, 0.3, 0.1, 0.5), (0.5, 0.1, 0.05, 0.3)];

    private static double Landscape(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        var f = 0.0;
        foreach (var (cx, cy, width, depth) in Bumps)
        {
            var (dx, dy) = (x[0] - cx, x[1] - cy);
            // Flat-bottomed (exp of -q^2): quartic near the centre, where L-BFGS creeps, as on an acquisition's plateau.
            var q = (dx * dx + dy * dy) / (2 * width * width);
            var bump = depth * Math.Exp(-q * q);
            f -= bump;
            g[0] += 2 * q * bump * dx / (width * width);
            g[1] += 2 * q * bump * dy / (width * width);
        }

        return f;
    }

    // One start in the deep basin, the others in the small ones, where they creep towards flat bottoms.
    private static readonly double[][] Starts = [[0.23, 0.33], [0.52, 0.12], [0.18, 0.26], [0.55, 0.7], [0.48, 0.09]];

    private static List<(double[] X, double Value, int Evaluations)> Run(bool abandon) =>
        BoundedLbfgs.MinimizeTogether((_, points, gradients) => [.. points.Select((p, i) => Landscape(p, gradients[i]))], Starts, [0, 0], [1, 1],
            maxIterations: 60, gradientTolerance: 1e-14, relativeTolerance: 1e-15, toleranceFloor: 0, abandonHopeless: abandon);

    [Fact]
    public void The_best_search_ends_exactly_where_it_ends_when_none_is_abandoned()
    {
        var all = Run(abandon: false);
        var some = Run(abandon: true);
        var best = all.Select((r, i) => (r.Value, i)).Min().i;

        Assert.Equal(3, best);
        Assert.Equal(all[best].X, some[best].X);
        Assert.Equal(all[best].Value, some[best].Value);
        Assert.Equal(all[best].Evaluations, some[best].Evaluations);
        Assert.Equal(all.Min(r => r.Value), some.Min(r => r.Value));
    }

    [Fact]
    public void Searches_stuck_on_lower_peaks_stop_early_at_a_point_they_evaluated()
    {
        var all = Run(abandon: false);
        var some = Run(abandon: true);

        Assert.True(some.Sum(r => r.Evaluations) < all.Sum(r => r.Evaluations));
        for (var s = 0; s < Starts.Length; s++)
        {
            Assert.True(some[s].Evaluations <= all[s].Evaluations);
            // The result is the point's own value, no better than the search would have found, no worse than its start.
            Assert.Equal(Landscape(some[s].X, new double[2]), some[s].Value);
            Assert.True(some[s].Value >= all[s].Value);
            Assert.True(some[s].Value <= Landscape(Starts[s], new double[2]));
        }
    }

    [Fact]
    public void Without_the_option_every_search_ends_where_it_ends_alone()
    {
        var together = Run(abandon: false);
        for (var s = 0; s < Starts.Length; s++)
        {
            var alone = BoundedLbfgs.Minimize(Landscape, Starts[s], [0, 0], [1, 1], maxIterations: 60, gradientTolerance: 1e-14, relativeTolerance: 1e-15,
                toleranceFloor: 0);
            Assert.Equal(alone.X, together[s].X);
            Assert.Equal(alone.Value, together[s].Value);
        }
    }
}
