using BoDashboard.Optimization.LinearAlgebra;

namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// The GP's joint posterior over a set of points (not just each point's own mean and variance): what a Thompson
/// sample needs, since one draw of the function must be consistent between nearby candidates.
/// </summary>
public sealed partial class GaussianProcessModel
{
    /// <summary>
    /// Posterior mean and covariance of the latent function (no observation noise) at m points given row-major
    /// (m x D), in standardised units: cov(f_a, f_b) = k(a, b) - v_a . v_b with v = L^-1 k(X, .). The covariance is
    /// row-major m x m; its diagonal is the square of what <see cref="PredictStandardized"/> gives.
    /// </summary>
    public (double[] Mean, double[] Covariance) JointPosteriorStandardized(ReadOnlySpan<double> points)
    {
        var n = Count;
        var dims = Dimension;
        var m = points.Length / dims;
        var mean = new double[m];
        // v_c = L^-1 k_c for every point, four at a time through the factor (as PredictStandardized does).
        var v = new double[Math.Max(4, (m + 3) / 4 * 4) * n];
        var point = new double[dims];
        for (var c = 0; c < m; c++)
        {
            var row = v.AsSpan(c * n, n);
            ScaledPoint(points.Slice(c * dims, dims), point);
            MaternKernel.SquaredDistances(point, _z, n, row);
            MaternKernel.FromSquaredDistances(row, Hyperparameters.Amplitude, row, default);
            mean[c] = VectorKernels.Dot(row, _alpha);
        }

        for (var start = 0; start < m; start += 4)
        {
            _cholesky.SolveLower4(v.AsSpan(start * n, n), v.AsSpan((start + 1) * n, n), v.AsSpan((start + 2) * n, n), v.AsSpan((start + 3) * n, n));
        }

        // Prior covariance between the points, then minus what the data explain.
        var lengthScales = Hyperparameters.LengthScales.ToArray();
        var z = MaternKernel.ScaleDimensionMajor(points, m, dims, lengthScales);
        var covariance = new double[m * m];
        for (var a = 0; a < m; a++)
        {
            var row = covariance.AsSpan(a * m, m);
            ScaledPoint(points.Slice(a * dims, dims), point);
            MaternKernel.SquaredDistances(point, z, m, row);
            MaternKernel.FromSquaredDistances(row, Hyperparameters.Amplitude, row, default);
            var va = v.AsSpan(a * n, n);
            for (var b = 0; b <= a; b++)
            {
                var value = row[b] - VectorKernels.Dot(va, v.AsSpan(b * n, n));
                covariance[a * m + b] = value;
                covariance[b * m + a] = value;
            }
        }

        return (mean, covariance);
    }

    /// <summary>
    /// One joint draw of the latent function at m points (row-major m x D), standardised: mean + L z with L the
    /// Cholesky factor of <see cref="JointPosteriorStandardized"/>'s covariance (jittered as far as needed, e.g. for
    /// points at a noise-free fantasy, where the variance is zero) and z standard normal from <paramref name="random"/>.
    /// </summary>
    public double[] SampleJointStandardized(ReadOnlySpan<double> points, Random random) => SampleJointStandardized(points, random, 1)[0];

    /// <summary>
    /// <paramref name="draws"/> independent joint draws at the same points, one factorisation for all of them; the first
    /// is the draw the single-draw overload gives from the same <paramref name="random"/>.
    /// </summary>
    public double[][] SampleJointStandardized(ReadOnlySpan<double> points, Random random, int draws)
    {
        var (mean, covariance) = JointPosteriorStandardized(points);
        var m = mean.Length;
        var factor = CholeskyFactor.Factor(covariance, m);
        var samples = new double[draws][];
        var normal = new double[m];
        for (var k = 0; k < draws; k++)
        {
            for (var i = 0; i < m; i++)
            {
                normal[i] = MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            }

            var sample = new double[m];
            for (var i = 0; i < m; i++)
            {
                sample[i] = mean[i] + VectorKernels.Dot(factor.Row(i), normal.AsSpan(0, i + 1));
            }

            samples[k] = sample;
        }

        return samples;
    }
}
