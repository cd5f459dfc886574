using BoDashboard.Benchmarks;

namespace BoDashboard.Optimization.Tests.Benchmarks;

/// <summary>The random-wells tuning problems: their stated optimum is a value the function reaches and nothing
/// found by sampling and local search goes below it, and they sit in the tuning suite, not the held-out one.</summary>
public sealed class RandomWellsProblemTests
{
    [Theory]
    [InlineData("wells4", 4)]
    [InlineData("wells5", 5)]
    public void The_stated_optimum_is_reached_and_never_beaten(string name, int dimensions)
    {
        var function = AnalyticFunctions.Get(name);
        var random = new Random(7);
        double Value(double[] x) => function.Evaluate(Enumerable.Range(0, dimensions).ToDictionary(i => $"x{i}", i => (object)x[i]));

        for (var n = 0; n < 20000; n++)
        {
            var v = Value(Enumerable.Range(0, dimensions).Select(_ => 10 * random.NextDouble()).ToArray());
            Assert.True(function.Regret(v) > -1e-9, $"{v} is below the stated optimum {function.OptimumValue}");
        }

        // Compass searches from random starts: an independent way down to each well's bottom. The best sample alone is
        // not enough: it lies in a wide well more often than in the deepest one, which is what these problems test.
        var bestValue = Enumerable.Range(0, 300)
            .Select(_ => CompassSearch(Value, Enumerable.Range(0, dimensions).Select(_ => 10 * random.NextDouble()).ToArray()))
            .Min();
        Assert.True(function.Regret(bestValue) > -1e-9);
        Assert.Equal(0, function.Regret(bestValue), 1e-6);
    }

    [Fact]
    public void They_are_in_the_tuning_suite_and_not_in_the_held_out_one()
    {
        string[] added = ["wells4", "wells5"];
        Assert.All(added, n => Assert.Contains(n, AnalyticFunctions.TuningSet));
        Assert.All(added, n => Assert.Contains(BenchmarkSuite.Tuning.Problems, p => p.Problem == n));
        Assert.Empty(added.Intersect(AnalyticFunctions.HeldOutSet));
    }

    private static double CompassSearch(Func<double[], double> value, double[] start)
    {
        var best = start;
        var bestValue = value(start);
        for (var step = 0.5; step > 1e-9; step /= 2)
        {
            for (var improved = true; improved;)
            {
                improved = false;
                for (var d = 0; d < best.Length; d++)
                {
                    foreach (var sign in new[] { -1.0, 1.0 })
                    {
                        var x = (double[])best.Clone();
                        x[d] = Math.Clamp(x[d] + sign * step, 0, 10);
                        var v = value(x);
                        if (v < bestValue)
                        {
                            (best, bestValue, improved) = (x, v, true);
                        }
                    }
                }
            }
        }

        return bestValue;
    }
}
