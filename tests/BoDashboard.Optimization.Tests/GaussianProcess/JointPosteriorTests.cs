using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.GaussianProcess;

/// <summary>The GP's joint posterior over a set of points and joint draws from it (what Thompson sampling needs).</summary>
public class JointPosteriorTests
{
    private static GaussianProcessModel Model()
    {
        var random = new Random(4);
        var inputs = Enumerable.Range(0, 12).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToList();
        var targets = inputs.Select(x => Math.Sin(6 * x[0]) + x[1] * x[1]).ToList();
        return GaussianProcessModel.Create(inputs, targets, new GaussianProcessHyperparameters([0.3, 0.5], 1.2, 1e-4), 0.1, 0.8);
    }

    private static readonly double[] Points = [0.1, 0.2, 0.12, 0.22, 0.9, 0.5, 0.5, 0.5, 0.3, 0.95];

    [Fact]
    public void Mean_and_diagonal_match_the_pointwise_prediction()
    {
        var model = Model();
        var (mean, covariance) = model.JointPosteriorStandardized(Points);
        var m = Points.Length / 2;
        var pointMean = new double[m];
        var pointStd = new double[m];
        model.PredictStandardized(Points, pointMean, pointStd);
        for (var i = 0; i < m; i++)
        {
            Assert.Equal(pointMean[i], mean[i], 1e-10);
            Assert.Equal(pointStd[i] * pointStd[i], covariance[i * m + i], 1e-10);
        }
    }

    [Fact]
    public void Covariance_is_the_prior_kernel_minus_what_the_data_explain()
    {
        // Checked against the textbook formula with an explicit inverse: k(a, b) - k(a, X) K^-1 k(X, b).
        var random = new Random(1);
        var inputs = Enumerable.Range(0, 5).Select(_ => new[] { random.NextDouble() }).ToList();
        var hyper = new GaussianProcessHyperparameters([0.4], 1.0, 0.01);
        var model = GaussianProcessModel.Create(inputs, inputs.Select(x => x[0]).ToList(), hyper, 0, 1);
        double K(double a, double b)
        {
            var s = Math.Sqrt(5) * Math.Abs(a - b) / 0.4;
            return (1 + s + s * s / 3) * Math.Exp(-s);
        }

        var n = inputs.Count;
        var gram = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) => K(inputs[i][0], inputs[j][0]) + (i == j ? 0.01 : 0));
        var inverse = gram.Inverse();
        double[] points = [0.05, 0.5, 0.93];
        var (_, covariance) = model.JointPosteriorStandardized(points);
        for (var a = 0; a < 3; a++)
        {
            for (var b = 0; b < 3; b++)
            {
                var ka = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, i => K(points[a], inputs[i][0]));
                var kb = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, i => K(points[b], inputs[i][0]));
                Assert.Equal(K(points[a], points[b]) - ka * (inverse * kb), covariance[a * 3 + b], 1e-8);
            }
        }
    }

    [Fact]
    public void Draws_have_the_posterior_mean_and_covariance()
    {
        var model = Model();
        var (mean, covariance) = model.JointPosteriorStandardized(Points);
        var m = mean.Length;
        var random = new Random(7);
        const int draws = 20000;
        var sum = new double[m];
        var products = new double[m * m];
        for (var s = 0; s < draws; s++)
        {
            var f = model.SampleJointStandardized(Points, random);
            for (var a = 0; a < m; a++)
            {
                sum[a] += f[a];
                for (var b = 0; b < m; b++)
                {
                    products[a * m + b] += (f[a] - mean[a]) * (f[b] - mean[b]);
                }
            }
        }

        for (var a = 0; a < m; a++)
        {
            var scale = Math.Sqrt(covariance[a * m + a]);
            Assert.Equal(mean[a], sum[a] / draws, 0.05 * scale + 1e-9);
            for (var b = 0; b < m; b++)
            {
                Assert.Equal(covariance[a * m + b], products[a * m + b] / draws, 0.05 * scale * Math.Sqrt(covariance[b * m + b]) + 1e-9);
            }
        }

        // The two nearby points (0.1, 0.2) and (0.12, 0.22) move together in every draw.
        Assert.True(covariance[1] > 0.8 * Math.Sqrt(covariance[0] * covariance[m + 1]));
    }

    [Fact]
    public void A_draw_at_a_noise_free_fantasy_is_its_value_and_draws_are_seeded()
    {
        var model = Model().Condition([[0.5, 0.5]], [0.7], exact: true);
        var first = model.SampleJointStandardized(Points, new Random(3));
        var again = model.SampleJointStandardized(Points, new Random(3));
        Assert.Equal(first, again);
        var fantasy = (model.Warp.Forward(0.7) - model.TargetMean) / model.TargetStd;
        Assert.Equal(fantasy, first[3], 1e-2);
        Assert.NotEqual(first, model.SampleJointStandardized(Points, new Random(4)));
    }
}
