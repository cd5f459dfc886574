using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.GaussianProcess;

/// <summary>A categorical parameter's one-hot coordinates share one length scale: its part of the kernel depends only on
/// whether two choices differ.</summary>
public sealed class CategoricalKernelTests
{
    private static readonly SearchSpace Space = new([new FloatParameter("x", 0, 1), new CategoricalParameter("c", ["a", "b", "c", "d"])]);

    [Fact]
    public void The_space_groups_a_categoricals_coordinates_under_one_length_scale()
    {
        Assert.Equal([0, 1, 1, 1, 1], Space.LengthScaleGroups);
    }

    [Fact]
    public void Grouped_length_scale_gradient_matches_finite_differences()
    {
        var random = new Random(5);
        var points = Enumerable.Range(0, 14).Select(_ => Space.SampleUnit(random)).ToArray();
        var ys = points.Select(p => Math.Sin(5 * p[0]) + 2 * p[2] - p[4]).ToArray();
        var mean = ys.Average();
        var std = Math.Sqrt(ys.Sum(v => (v - mean) * (v - mean)) / ys.Length);
        ys = ys.Select(v => (v - mean) / std).ToArray();
        var flat = points.SelectMany(p => p).ToArray();
        int[] groups = [0, 1, 1, 1, 1];
        var theta = new[] { Math.Log(0.4), Math.Log(0.8), Math.Log(1.1), Math.Log(0.02) };
        var gradient = new double[theta.Length];
        HyperparameterFitter.NegativeLogPosterior(theta, flat, points.Length, 5, ys, null, gradient, groups);
        var scratch = new double[theta.Length];
        for (var k = 0; k < theta.Length; k++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            var numeric = (HyperparameterFitter.NegativeLogPosterior(plus, flat, points.Length, 5, ys, null, scratch, groups)
                - HyperparameterFitter.NegativeLogPosterior(minus, flat, points.Length, 5, ys, null, scratch, groups)) / 2e-6;
            Assert.Equal(numeric, gradient[k], 4);
        }
    }

    [Fact]
    public void An_untried_choice_is_equally_related_to_every_tried_one()
    {
        // Trials on choices a, b and c only. With one length scale per one-hot coordinate, d's coordinate never varies
        // and its scale is whatever the prior says; with a shared scale, d is exactly as far from a as b is from a.
        var random = new Random(2);
        var inputs = new List<double[]>();
        var targets = new List<double>();
        foreach (var choice in new[] { "a", "b", "c" })
        {
            for (var i = 0; i < 6; i++)
            {
                var x = random.NextDouble();
                inputs.Add(Space.Encode(new Dictionary<string, object> { ["x"] = x, ["c"] = choice }));
                targets.Add(Math.Sin(4 * x) + (choice == "b" ? 1 : 0));
            }
        }

        var model = GaussianProcessModel.Fit(inputs, targets, new GaussianProcessOptions(CoordinateGroups: Space.LengthScaleGroups));
        var scales = model.Hyperparameters.LengthScales;
        Assert.Equal(scales[1], scales[4], 12);
        Assert.Equal(scales[2], scales[3], 12);
        Assert.Equal(scales[1], scales[2], 12);
    }
}
