using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.Acquisition;

public class LocalPenalisationTests
{
    private static GaussianProcessModel Model()
    {
        double[][] x = [[0.1, 0.2], [0.4, 0.7], [0.9, 0.3], [0.6, 0.5], [0.2, 0.9], [0.8, 0.8]];
        return GaussianProcessModel.Fit(x, [0.2, 1.0, -0.5, 0.7, 0.1, -0.2]);
    }

    private static double Score(IAcquisition acquisition, params double[] point)
    {
        var values = new double[1];
        acquisition.Evaluate(point, values);
        return values[0];
    }

    [Fact]
    public void Score_drops_near_a_pending_point_and_is_unchanged_far_from_it()
    {
        var model = Model();
        var ei = new ExpectedImprovement(model, 0.01);
        // Predicted well below the incumbent (near the worst observation): the ball that cannot hold the maximum is wide.
        double[] pending = [0.85, 0.35];
        var lipschitz = LocalPenalisation.EstimateLipschitz(model, [[0.5, 0.5], [0.85, 0.35], [0.3, 0.3], [0.7, 0.6]]);
        var penalised = new LocalPenalisation(ei, model, [pending], lipschitz);

        Assert.True(Score(penalised, 0.86, 0.36) < 0.2 * Score(ei, 0.86, 0.36));
        Assert.Equal(Score(ei, 0.15, 0.95), Score(penalised, 0.15, 0.95), 6);
        // Never above the plain score: a penalty only takes away.
        foreach (var p in new[] { new[] { 0.4, 0.6 }, [0.7, 0.2], [0.1, 0.9] })
        {
            Assert.True(Score(penalised, p) <= Score(ei, p) + 1e-15);
        }
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        var model = Model();
        var penalised = new LocalPenalisation(new UpperConfidenceBound(model, 2.0), model, [[0.45, 0.65], [0.7, 0.4]], 3.0);
        double[] x = [0.5, 0.55];
        var gradient = new double[2];
        var value = penalised.EvaluateWithGradient(x, gradient);
        Assert.Equal(Score(penalised, x), value, 12);
        for (var d = 0; d < 2; d++)
        {
            var up = (double[])x.Clone();
            var down = (double[])x.Clone();
            up[d] += 1e-6;
            down[d] -= 1e-6;
            var numeric = (Score(penalised, up) - Score(penalised, down)) / 2e-6;
            Assert.Equal(numeric, gradient[d], 5);
        }
    }
}
