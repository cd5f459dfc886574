using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.GaussianProcess;

public class GaussianProcessModelTests
{
    private static (double[][] X, double[] Y) Data(int n, int dims, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, dims).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var y = x.Select(p => Math.Sin(6 * p[0]) + p.Sum()).ToArray();
        return (x, y);
    }

    [Fact]
    public void Noise_free_gp_interpolates_and_is_uncertain_far_away()
    {
        var (x, y) = Data(12, 2, 1);
        var model = GaussianProcessModel.Fit(x, y, new GaussianProcessOptions(FixedNoise: 1e-8));
        var flat = x.SelectMany(p => p).ToArray();
        var mean = new double[x.Length];
        var std = new double[x.Length];
        model.Predict(flat, mean, std);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(y[i], mean[i], 3);
            Assert.True(std[i] < 1e-2 * model.TargetStd, $"std {std[i]} at an observed point");
        }

        var far = new double[] { 5.0, 5.0 };
        var farMean = new double[1];
        var farStd = new double[1];
        model.Predict(far, farMean, farStd);
        Assert.True(farStd[0] > 0.5 * model.TargetStd * Math.Sqrt(model.Hyperparameters.Amplitude));
    }

    [Fact]
    public void Log_marginal_likelihood_gradient_matches_finite_differences()
    {
        var (x, y) = Data(15, 3, 2);
        var flat = x.SelectMany(p => p).ToArray();
        var mean = y.Average();
        var std = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        var ys = y.Select(v => (v - mean) / std).ToArray();
        var theta = new[] { Math.Log(0.4), Math.Log(0.7), Math.Log(1.3), Math.Log(0.9), Math.Log(0.01) };
        var gradient = new double[theta.Length];
        HyperparameterFitter.NegativeLogPosterior(theta, flat, 15, 3, ys, null, gradient);
        var scratch = new double[theta.Length];
        for (var k = 0; k < theta.Length; k++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            var numeric = (HyperparameterFitter.NegativeLogPosterior(plus, flat, 15, 3, ys, null, scratch)
                - HyperparameterFitter.NegativeLogPosterior(minus, flat, 15, 3, ys, null, scratch)) / 2e-6;
            Assert.Equal(numeric, gradient[k], 4);
        }
    }

    [Fact]
    public void Prediction_gradients_match_finite_differences()
    {
        var (x, y) = Data(20, 2, 3);
        var model = GaussianProcessModel.Fit(x, y);
        var point = new[] { 0.3, 0.6 };
        var meanGradient = new double[2];
        var varianceGradient = new double[2];
        model.PredictStandardizedWithGradient(point, out _, out _, meanGradient, varianceGradient);
        for (var d = 0; d < 2; d++)
        {
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[d] += 1e-6;
            minus[d] -= 1e-6;
            model.PredictStandardizedWithGradient(plus, out var mp, out var vp, new double[2], new double[2]);
            model.PredictStandardizedWithGradient(minus, out var mm, out var vm, new double[2], new double[2]);
            Assert.Equal((mp - mm) / 2e-6, meanGradient[d], 4);
            Assert.Equal((vp - vm) / 2e-6, varianceGradient[d], 4);
        }
    }

    [Fact]
    public void Duplicate_points_and_constant_targets_do_not_throw()
    {
        var x = new[] { new[] { 0.5, 0.5 }, new[] { 0.5, 0.5 }, new[] { 0.5, 0.5 + 1e-15 }, new[] { 0.1, 0.2 } };
        var model = GaussianProcessModel.Fit(x, [1.0, 1.0, 1.0, 1.0], new GaussianProcessOptions(FixedNoise: 1e-12));
        var mean = new double[1];
        var std = new double[1];
        model.Predict(new[] { 0.3, 0.3 }, mean, std);
        Assert.True(double.IsFinite(mean[0]) && double.IsFinite(std[0]));
        Assert.Equal(1.0, mean[0], 6);
    }
}
