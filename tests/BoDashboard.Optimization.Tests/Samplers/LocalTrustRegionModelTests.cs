using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>A small trust region is searched with a GP of its neighbourhood alone: observations far from the box do not
/// change it, and its acquisition is differentiated correctly through the change of coordinates.</summary>
public sealed class LocalTrustRegionModelTests
{
    private static readonly SearchSpace Square = new([new FloatParameter("a", 0, 1), new FloatParameter("b", 0, 1)]);
    private static readonly double[] Lower = [0.45, 0.45];
    private static readonly double[] Upper = [0.55, 0.55];

    // Fine ripples on a bowl: the structure a global GP reads as noise.
    private static double Value(double a, double b) => -((a - 0.5) * (a - 0.5) + (b - 0.5) * (b - 0.5)) + 0.01 * Math.Cos(60 * a) * Math.Cos(60 * b);

    private static ObservationSet Observations(int farPoints, int farSeed)
    {
        var history = new List<TrialRecord>();
        var near = new Random(1);
        for (var i = 0; i < 12; i++)
        {
            history.Add(Trial(history.Count, 0.42 + 0.16 * near.NextDouble(), 0.42 + 0.16 * near.NextDouble()));
        }

        var far = new Random(farSeed);
        for (var i = 0; i < farPoints; i++)
        {
            // Outside the box doubled around its centre ([0.4, 0.6]^2).
            var (a, b) = (0.7 + 0.3 * far.NextDouble(), far.NextDouble());
            history.Add(Trial(history.Count, a, b));
        }

        return ObservationSet.From(Square, Direction.Maximize, history);
    }

    private static TrialRecord Trial(int number, double a, double b) =>
        new(number, new Dictionary<string, object> { ["a"] = a, ["b"] = b }, TrialState.Complete, Value(a, b));

    private static IAcquisition Local(ObservationSet observations) =>
        LocalTrustRegionModel.Acquisition(observations, Lower, Upper, new GaussianProcessOptions(Seed: 3), m => new ExpectedImprovement(m, 0.0));

    [Fact]
    public void Observations_far_from_the_box_do_not_change_the_local_acquisition()
    {
        var few = Local(Observations(farPoints: 5, farSeed: 7));
        var many = Local(Observations(farPoints: 40, farSeed: 8));
        double[] points = [0.46, 0.47, 0.5, 0.5, 0.53, 0.54];
        var (a, b) = (new double[3], new double[3]);

        few.Evaluate(points, a);
        many.Evaluate(points, b);

        Assert.Equal(a, b);
        Assert.Contains(a, v => v > 0);
    }

    [Fact]
    public void The_gradient_in_global_coordinates_matches_finite_differences()
    {
        var acquisition = Local(Observations(farPoints: 10, farSeed: 7));
        double[] x = [0.493, 0.517];
        var gradient = new double[2];
        acquisition.EvaluateWithGradient(x, gradient);

        const double h = 1e-6;
        for (var d = 0; d < 2; d++)
        {
            var (up, down) = ((double[])x.Clone(), (double[])x.Clone());
            up[d] += h;
            down[d] -= h;
            var values = new double[2];
            acquisition.Evaluate([.. up, .. down], values);
            var numeric = (values[0] - values[1]) / (2 * h);
            Assert.Equal(numeric, gradient[d], Math.Max(1e-6, 1e-3 * Math.Abs(numeric)));
        }
    }
}
