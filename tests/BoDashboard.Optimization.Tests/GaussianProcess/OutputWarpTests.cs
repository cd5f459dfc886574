using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.GaussianProcess;

public class OutputWarpTests
{
    // Negated Rosenbrock-like values: a few near the best, a long tail of very bad ones.
    private static readonly double[] HeavyTail = [-0.5, -1, -2, -3, -5, -8, -40, -300, -2500];

    [Fact]
    public void Heavy_tail_is_warped_and_round_trips()
    {
        var warp = OutputWarp.For(HeavyTail);
        Assert.False(warp.IsIdentity);
        // Includes a value above the incumbent (a prediction can exceed it).
        foreach (var t in HeavyTail.Append(-0.2))
        {
            Assert.Equal(t, warp.Inverse(warp.Forward(t)), 1e-9 * Math.Max(1, Math.Abs(t)));
        }

        // Slope 1 at the incumbent (xi keeps its units), strongly compressed in the tail.
        Assert.Equal(1.0, (warp.Forward(-0.5) - warp.Forward(-0.5 - 1e-6)) / 1e-6, 4);
        Assert.True(warp.Forward(-0.5) - warp.Forward(-2500) < 100);
    }

    [Fact]
    public void Light_tail_and_tiny_data_stay_unwarped()
    {
        Assert.True(OutputWarp.For([-20, -19.5, -20.3, -19.8, -20.1, -18]).IsIdentity);
        Assert.True(OutputWarp.For([1.0, 2.0]).IsIdentity);
        Assert.True(OutputWarp.For([3.0, 3.0, 3.0, 3.0]).IsIdentity);
    }

    [Fact]
    public void Warped_gp_interpolates_in_objective_units()
    {
        var random = new Random(3);
        var x = HeavyTail.Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var model = GaussianProcessModel.Fit(x, HeavyTail, new GaussianProcessOptions(FixedNoise: 1e-8));
        Assert.False(model.Warp.IsIdentity);
        var mean = new double[x.Length];
        var std = new double[x.Length];
        model.Predict(x.SelectMany(p => p).ToArray(), mean, std);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(HeavyTail[i], mean[i], 1e-3 * Math.Max(1, Math.Abs(HeavyTail[i])));
        }
    }

    [Fact]
    public void Prior_mean_is_the_chosen_quantile()
    {
        var (mean, std) = GaussianProcessModel.Standardization([0.0, 1, 2, 3, 4], 0.25);
        Assert.Equal(1.0, mean, 12);
        Assert.Equal(Math.Sqrt(2), std, 12);
        Assert.Equal(2.0, GaussianProcessModel.Standardization([0.0, 1, 2, 3, 4], -1).Mean, 12);
        Assert.Equal((5.0, 1.0), GaussianProcessModel.Standardization([5.0, 5, 5], 0.2));
    }

    [Fact]
    public void Acquisition_optimizer_respects_a_box()
    {
        var space = new SearchSpace([new FloatParameter("a", 0, 1), new FloatParameter("b", 0, 1)]);
        var random = new Random(1);
        var x = Enumerable.Range(0, 8).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var model = GaussianProcessModel.Fit(x, x.Select(p => -(p[0] - 0.9) * (p[0] - 0.9) - p[1]).ToArray());
        var optimizer = new AcquisitionOptimizer(space, new AcquisitionOptimizerOptions(RawSamples: 200, LocalSamples: 50));
        var (point, _) = optimizer.Maximize(new ExpectedImprovement(model, 0.0), random, [x[0]], lower: [0.2, 0.3], upper: [0.4, 0.6]);
        Assert.InRange(point[0], 0.2, 0.4);
        Assert.InRange(point[1], 0.3, 0.6);
    }
}
