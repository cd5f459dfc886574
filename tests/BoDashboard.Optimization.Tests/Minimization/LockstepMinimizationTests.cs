using BoDashboard.Optimization.Minimization;

namespace BoDashboard.Optimization.Tests.Minimization;

/// <summary>Searches run in lockstep (their evaluations batched) must end exactly where each ends alone.</summary>
public sealed class LockstepMinimizationTests
{
    // Rosenbrock in 3-D: curved valleys, so the searches take different numbers of steps and finish at different rounds.
    private static double Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        var f = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * x[i] * a - 2 * b;
            g[i + 1] += 200 * a;
        }

        return f;
    }

    [Fact]
    public void Lockstep_searches_end_where_each_search_ends_alone()
    {
        double[] lower = [-2, -2, -2];
        double[] upper = [2, 2, 1.5];
        double[][] starts = [[-1.2, 1, 0.5], [0.3, -1.5, 1.2], [1.9, 1.9, -1.9], [0, 0, 0], [-0.5, 0.25, 1.4]];
        var batches = new List<int>();
        var together = BoundedLbfgs.MinimizeTogether((searches, points, gradients) =>
        {
            batches.Add(points.Count);
            return [.. points.Select((p, i) => Rosenbrock(p, gradients[i]))];
        }, starts, lower, upper, maxIterations: 40, gradientTolerance: 1e-9, relativeTolerance: 1e-12);

        for (var s = 0; s < starts.Length; s++)
        {
            var alone = BoundedLbfgs.Minimize(Rosenbrock, starts[s], lower, upper, maxIterations: 40, gradientTolerance: 1e-9, relativeTolerance: 1e-12);
            Assert.Equal(alone.X, together[s].X);
            Assert.Equal(alone.Value, together[s].Value);
            Assert.Equal(alone.Evaluations, together[s].Evaluations);
        }

        // Every search's first evaluation goes out in one batch.
        Assert.Equal(starts.Length, batches[0]);
    }
}
