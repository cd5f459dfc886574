using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Acquisition;

/// <summary>A large model's local searches stop at a looser relative tolerance; a small one's keep the tight one, so
/// studies of at most 120 trials propose exactly what they did.</summary>
public sealed class SearchToleranceTests
{
    [Theory]
    [InlineData(50, 1e-10, 1)]
    [InlineData(120, 1e-10, 1)]
    [InlineData(121, 1e-6, 0)]
    [InlineData(700, 1e-6, 0)]
    public void The_tolerance_is_loosened_and_made_relative_only_above_120_points(int n, double tolerance, double floor)
    {
        Assert.Equal(tolerance, GpEiSampler.OptimizerOptions(n).RelativeTolerance);
        Assert.Equal(floor, GpEiSampler.OptimizerOptions(n).ToleranceFloor);
    }

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

    [Fact]
    public void A_purely_relative_tolerance_keeps_searching_when_every_value_is_tiny()
    {
        // The same ridge scaled down a million times, as EI is late in a study: an absolute tolerance stops at once.
        var space = new SearchSpace([new FloatParameter("a", 0, 1), new FloatParameter("b", 0, 1)]);
        var options = new AcquisitionOptimizerOptions(RawSamples: 50, LocalSamples: 0, Restarts: 4, RelativeTolerance: 1e-5);
        var absolute = new Scaled(new NarrowRidge(), 1e-6);
        var relative = new Scaled(new NarrowRidge(), 1e-6);

        var (_, absoluteValue) = new AcquisitionOptimizer(space, options).Maximize(absolute, new Random(3), []);
        var (_, relativeValue) = new AcquisitionOptimizer(space, options with { ToleranceFloor = 0 }).Maximize(relative, new Random(3), []);

        Assert.True(relativeValue > absoluteValue, $"relative {relativeValue}, absolute {absoluteValue}");
    }

    private sealed class Scaled(IAcquisition inner, double factor) : IAcquisition
    {
        public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
        {
            inner.Evaluate(points, values);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= factor;
            }
        }

        public double EvaluateWithGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            var value = inner.EvaluateWithGradient(x, gradient);
            for (var d = 0; d < gradient.Length; d++)
            {
                gradient[d] *= factor;
            }

            return value * factor;
        }
    }
}
