using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.Acquisition;

public class ExpectedImprovementTests
{
    private static GaussianProcessModel Model()
    {
        double[][] x = [[0.1], [0.4], [0.9]];
        return GaussianProcessModel.Fit(x, [0.2, 1.0, -0.5]);
    }

    [Fact]
    public void Ei_matches_closed_form_and_monte_carlo()
    {
        var model = Model();
        var ei = new ExpectedImprovement(model, xi: 0.01);
        var random = new Random(5);
        foreach (var (mean, std) in new[] { (0.3, 0.5), (1.2, 0.2), (-1.0, 1.5) })
        {
            var value = ei.Score(mean, std, out _, out _);
            var threshold = model.StandardizedBest + 0.01 / model.TargetStd;
            var z = (mean - threshold) / std;
            var closed = (mean - threshold) * 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2)) + std * Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
            Assert.Equal(closed, value, 12);
            var sum = 0.0;
            const int samples = 200_000;
            for (var i = 0; i < samples; i++)
            {
                var f = mean + std * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                sum += Math.Max(f - threshold, 0);
            }

            Assert.InRange(sum / samples, value - 0.01 * Math.Max(std, 0.1), value + 0.01 * Math.Max(std, 0.1));
        }
    }

    [Theory]
    [InlineData("ei")]
    [InlineData("pi")]
    [InlineData("ucb")]
    public void Acquisition_gradient_matches_finite_differences(string name)
    {
        var acquisition = AcquisitionFunctions.Create(name, Model(), 0.01, 2.0);
        var gradient = new double[1];
        var point = new[] { 0.62 };
        acquisition.EvaluateWithGradient(point, gradient);
        var up = acquisition.EvaluateWithGradient(new[] { 0.62 + 1e-6 }, new double[1]);
        var down = acquisition.EvaluateWithGradient(new[] { 0.62 - 1e-6 }, new double[1]);
        Assert.Equal((up - down) / 2e-6, gradient[0], 4);
        var batch = new double[1];
        acquisition.Evaluate(point, batch);
        Assert.Equal(batch[0], acquisition.EvaluateWithGradient(point, gradient), 9);
    }
}
