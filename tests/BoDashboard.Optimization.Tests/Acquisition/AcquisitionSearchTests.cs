using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Acquisition;

/// <summary>How the acquisition maximiser searches: discrete moves for ints and categoricals, and starts that do not
/// all sit on one peak.</summary>
public sealed class AcquisitionSearchTests
{
    /// <summary>A score given as a function of the unit-cube point (no gradient: the tests' spaces need none, or use
    /// a numeric one).</summary>
    private sealed class Score(Func<double[], double> f) : IAcquisition
    {
        public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
        {
            var dims = points.Length / values.Length;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = f(points.Slice(i * dims, dims).ToArray());
            }
        }

        public double EvaluateWithGradient(ReadOnlySpan<double> point, Span<double> gradient)
        {
            var x = point.ToArray();
            var value = f(x);
            for (var d = 0; d < x.Length; d++)
            {
                var step = (double[])x.Clone();
                step[d] += 1e-6;
                gradient[d] = (f(step) - value) / 1e-6;
            }

            return value;
        }
    }

    [Fact]
    public void An_int_optimum_is_reached_by_unit_steps_from_nearby_candidates()
    {
        var space = new SearchSpace([new IntParameter("n", 0, 1000)]);
        var acquisition = new Score(u => -Math.Abs((long)space.Decode(u)["n"] - 537));
        var optimizer = new AcquisitionOptimizer(space, new AcquisitionOptimizerOptions(RawSamples: 30, LocalSamples: 10, Restarts: 3));
        for (var seed = 0; seed < 5; seed++)
        {
            var (point, value) = optimizer.Maximize(acquisition, new Random(seed), [space.Encode(new Dictionary<string, object> { ["n"] = 520L })]);
            Assert.Equal(537L, space.Decode(point)["n"]);
            Assert.Equal(0, value);
        }
    }

    [Fact]
    public void A_categorical_choice_and_a_log_int_are_improved_together_with_the_floats()
    {
        var space = new SearchSpace([
            new FloatParameter("x", 0, 1), new IntParameter("n", 1, 1000, Log: true), new CategoricalParameter("c", ["a", "b", "c"]),
        ]);
        var acquisition = new Score(u =>
        {
            var p = space.Decode(u);
            var n = Math.Log10((long)p["n"]);
            return -(((double)p["x"] - 0.3) * ((double)p["x"] - 0.3)) - (n - 2) * (n - 2) - ((string)p["c"] == "b" ? 0 : 1);
        });
        var optimizer = new AcquisitionOptimizer(space, new AcquisitionOptimizerOptions(RawSamples: 20, LocalSamples: 0, Restarts: 2));
        var (point, _) = optimizer.Maximize(acquisition, new Random(3), []);
        var best = space.Decode(point);
        Assert.Equal("b", best["c"]);
        Assert.Equal(100L, best["n"]);
        Assert.Equal(0.3, (double)best["x"], 3);
    }

    [Fact]
    public void A_narrow_higher_peak_is_climbed_even_when_the_top_candidates_crowd_a_broad_one()
    {
        // A broad peak of height 1 at 0.2, where the anchor's perturbations put every top-scoring candidate, and a
        // narrow peak of height 2 at 0.9 whose slopes score low. Starting from the top scores alone climbs only the
        // broad peak; a start far from the others finds the higher one.
        var space = new SearchSpace([new FloatParameter("x", 0, 1)]);
        static double Peaks(double x) => Math.Exp(-Math.Pow((x - 0.2) / 0.2, 2)) + 2 / (1 + Math.Pow((x - 0.9) / 0.01, 2));
        var acquisition = new Score(u => Peaks(u[0]));
        var optimizer = new AcquisitionOptimizer(space, new AcquisitionOptimizerOptions(RawSamples: 20, LocalSamples: 200, Restarts: 10));
        for (var seed = 0; seed < 5; seed++)
        {
            var (point, value) = optimizer.Maximize(acquisition, new Random(seed), [[0.2]]);
            Assert.True(value > 1.99, $"seed {seed}: {value} at {point[0]}");
            Assert.Equal(0.9, point[0], 2);
        }
    }
}
