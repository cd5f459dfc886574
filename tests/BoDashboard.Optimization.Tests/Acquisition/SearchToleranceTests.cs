using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Acquisition;

/// <summary>A large model's local searches stop at a looser relative tolerance; a small one's keep the tight one, so
/// studies of at most 120 trials propose exactly what they did.</summary>
public sealed class SearchToleranceTests
{
    [Theory]
    [InlineData(50, 1e-10)]
    [InlineData(120, 1e-10)]
    [InlineData(121, 1e-6)]
    [InlineData(700, 1e-6)]
    public void The_tolerance_is_loosened_only_above_120_points(int n, double expected) =>
        Assert.Equal(expected, GpEiSampler.OptimizerOptions(n).RelativeTolerance);

    /// <summary>A slowly converging acquisition (a long, narrow valley) that counts its gradient evaluations.</summary>
    private sealed class NarrowRidge : IAcquisition
    {
        public int Evaluations { get; private set; }

        private static double Value(ReadOnlySpan<double> x) => -((x[0] - 0.6) * (x[0] - 0.6) + 300 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]));

        public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Value(points.Slice(2 * i, 2));
            }
        }

        public double EvaluateWithGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            Evaluations++;
            var r = x[1] - x[0] * x[0];
            gradient[0] = -(2 * (x[0] - 0.6) - 1200 * r * x[0]);
            gradient[1] = -600 * r;
            return Value(x);
        }
    }

    [Fact]
    public void A_looser_tolerance_stops_the_searches_sooner_near_the_same_maximum()
    {
        var space = new SearchSpace([new FloatParameter("a", 0, 1), new FloatParameter("b", 0, 1)]);
        var options = new AcquisitionOptimizerOptions(RawSamples: 50, LocalSamples: 0, Restarts: 4);
        var tight = new NarrowRidge();
        var loose = new NarrowRidge();

        var (_, tightValue) = new AcquisitionOptimizer(space, options).Maximize(tight, new Random(3), []);
        var (_, looseValue) = new AcquisitionOptimizer(space, options with { RelativeTolerance = 1e-3 }).Maximize(loose, new Random(3), []);

        Assert.True(loose.Evaluations < tight.Evaluations, $"{loose.Evaluations} evaluations with the loose tolerance, {tight.Evaluations} with the tight one");
        Assert.InRange(tightValue - looseValue, 0, 1e-2);
    }
}
