using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.LinearAlgebra;

namespace BoDashboard.Optimization.Tests.LinearAlgebra;

/// <summary>The batched solves and predictions the acquisition search uses must give bit for bit what one point at a
/// time gives: then batching changes no proposal.</summary>
public sealed class BatchedSolveTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(203)]
    public void Four_right_hand_sides_at_once_solve_exactly_as_one_at_a_time(int n)
    {
        var matrix = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                matrix[i * n + j] = Math.Exp(-Math.Abs(i - j) / 3.0) + (i == j ? 0.5 : 0);
            }
        }

        var factor = CholeskyFactor.Factor(matrix, n);
        var b = Enumerable.Range(0, 4).Select(k => Enumerable.Range(0, n).Select(i => Math.Cos(i + 7.0 * k)).ToArray()).ToArray();
        var alone = b.Select(v => (double[])v.Clone()).ToArray();
        foreach (var v in alone)
        {
            factor.Solve(v);
        }

        factor.SolveEach4(b[0], b[1], b[2], b[3]);
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(alone[k], b[k]);
        }

    }

    [Theory]
    [InlineData(5, 7)]
    [InlineData(150, 9)]
    public void Batched_prediction_with_gradients_equals_prediction_point_by_point(int n, int m)
    {
        const int dims = 4;
        var random = new Random(n + m);
        var x = Enumerable.Range(0, n * dims).Select(_ => random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => Math.Sin(4 * x[dims * i]) + x[dims * i + 1] * x[dims * i + 2]).ToArray();
        var model = GaussianProcessModel.Fit(Rows(x, n, dims), y);
        var points = Enumerable.Range(0, m * dims).Select(_ => random.NextDouble()).ToArray();

        var mean = new double[m];
        var variance = new double[m];
        var meanGradient = new double[m * dims];
        var varianceGradient = new double[m * dims];
        model.PredictStandardizedWithGradient(points, mean, variance, meanGradient, varianceGradient);

        for (var i = 0; i < m; i++)
        {
            var mg = new double[dims];
            var vg = new double[dims];
            model.PredictStandardizedWithGradient(points.AsSpan(i * dims, dims), out var oneMean, out var oneVariance, mg, vg);
            Assert.Equal(oneMean, mean[i]);
            Assert.Equal(oneVariance, variance[i]);
            Assert.Equal(mg, meanGradient.AsSpan(i * dims, dims).ToArray());
            Assert.Equal(vg, varianceGradient.AsSpan(i * dims, dims).ToArray());
        }
    }

    private static List<double[]> Rows(double[] x, int n, int dims) => [.. Enumerable.Range(0, n).Select(i => x.AsSpan(i * dims, dims).ToArray())];
}
