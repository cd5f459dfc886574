using System.Buffers;
using BoDashboard.Optimization.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// GP regression on unit-cube inputs with standardised targets: a fitted posterior that predicts mean and standard
/// deviation (of the latent function, without observation noise) in batches, and with input gradients for the
/// acquisition optimiser. Immutable; <see cref="Condition"/> returns a new model with extra (e.g. fantasy) points.
/// The GP itself models <see cref="Warp"/>ed targets; <see cref="Predict"/> maps back to the objective's units,
/// while the standardised predictions (what acquisitions use) stay on the warped scale.
/// </summary>
public sealed partial class GaussianProcessModel
{
    private readonly double[] _x;
    private readonly double[] _z;
    private readonly double[] _inverseLengthScales;
    private readonly double[] _alpha;
    private readonly CholeskyFactor _cholesky;
    // Per point: true for points known exactly (fantasies, see Condition), which get only a jitter, not the noise.
    private readonly bool[] _exact;

    // Diagonal of an exact point: enough to keep the factor positive definite when a fantasy sits near an observation.
    private const double ExactJitter = 1e-6;

    private GaussianProcessModel(double[] x, int n, int dims, double[] y, GaussianProcessHyperparameters hyperparameters,
        double targetMean, double targetStd, OutputWarp warp, bool[]? exact = null)
    {
        _exact = exact ?? new bool[n];
        Warp = warp;
        _x = x;
        Count = n;
        Dimension = dims;
        Targets = y;
        Hyperparameters = hyperparameters;
        TargetMean = targetMean;
        TargetStd = targetStd;
        var lengthScales = hyperparameters.LengthScales.ToArray();
        _inverseLengthScales = lengthScales.Select(l => 1.0 / l).ToArray();
        _z = MaternKernel.ScaleDimensionMajor(x, n, dims, lengthScales);
        // Factored in place (a long study's 700 x 700 matrix is 4 MB, allocated once instead of three times); only a
        // matrix that needs jitter is built a second time.
        _cholesky = CholeskyFactor.TryFactorOwned(KernelMatrix(), n) ?? CholeskyFactor.Factor(KernelMatrix(), n);
        var standardized = y.Select(v => (warp.Forward(v) - targetMean) / targetStd).ToArray();
        _alpha = standardized.ToArray();
        _cholesky.Solve(_alpha);
        // The incumbent is the best posterior mean at an observed point (plug-in EI): with noisy targets (validation
        // accuracy) the best observation is partly luck, and measuring improvement against it makes EI collapse to
        // ~0 everywhere, so the search wanders to the corners. The mean at x_i is y_i - noise * alpha_i; without
        // noise this is the best observation, as in bayes_opt.
        StandardizedBest = n == 0 ? 0 : Enumerable.Range(0, n).Max(i => standardized[i] - PointNoise(i) * _alpha[i]);
    }

    /// <summary>K + noise on the diagonal, row-major n x n (both triangles).</summary>
    private double[] KernelMatrix()
    {
        var n = Count;
        var k = new double[n * n];
        var point = new double[Dimension];
        for (var i = 0; i < n; i++)
        {
            ScaledPoint(_x.AsSpan(i * Dimension, Dimension), point);
            MaternKernel.SquaredDistances(point, _z, n, k.AsSpan(i * n, n));
            MaternKernel.FromSquaredDistances(k.AsSpan(i * n, n), Hyperparameters.Amplitude, k.AsSpan(i * n, n), default);
            k[i * n + i] += PointNoise(i);
        }

        return k;
    }

    private double PointNoise(int i) => _exact[i] ? Math.Min(ExactJitter * Hyperparameters.Amplitude, Hyperparameters.Noise) : Hyperparameters.Noise;

    public int Count { get; }

    public int Dimension { get; }

    public GaussianProcessHyperparameters Hyperparameters { get; }

    /// <summary>The GP's constant prior mean, on the warped scale (a low quantile of the targets, see <see cref="GaussianProcessOptions"/>).</summary>
    public double TargetMean { get; }

    /// <summary>Standard deviation of the warped targets; standardised units are multiples of it.</summary>
    public double TargetStd { get; }

    /// <summary>The output warp (identity unless the targets are heavy-tailed).</summary>
    public OutputWarp Warp { get; }

    /// <summary>The observed targets in original units.</summary>
    public IReadOnlyList<double> Targets { get; }

    /// <summary>Largest posterior mean at an observed point, standardised: the incumbent for improvement-based acquisitions.</summary>
    public double StandardizedBest { get; }

    /// <summary>Fits hyperparameters to the data (rows of unit-cube inputs, targets to be modelled) and conditions on it.</summary>
    public static GaussianProcessModel Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, GaussianProcessOptions? options = null)
    {
        options ??= GaussianProcessOptions.Default;
        if (inputs.Count == 0 || inputs.Count != targets.Count)
        {
            throw new ArgumentException("a GP needs at least one input, and one target per input");
        }

        var dims = inputs[0].Length;
        var n = inputs.Count;
        var x = new double[n * dims];
        for (var i = 0; i < n; i++)
        {
            inputs[i].CopyTo(x, i * dims);
        }

        var y = targets.ToArray();
        var warp = options.WarpOutputs ? OutputWarp.For(y) : OutputWarp.Identity;
        var warped = y.Select(warp.Forward).ToArray();
        var (mean, std) = Standardization(warped, options.PriorMeanQuantile);
        var ys = warped.Select(v => (v - mean) / std).ToArray();
        var hyperparameters = n > options.MaxFitPoints && options.Reuse is { } previous && previous.Hyperparameters.LengthScales.Count == dims
            ? previous.InUnitsOf(std, options.FixedNoise)
            : n >= 2
            ? HyperparameterFitter.Fit(x, n, dims, ys, options)
            : new GaussianProcessHyperparameters(Enumerable.Repeat(0.3, dims).ToArray(), 1.0, options.FixedNoise ?? Math.Max(options.NoiseFloor, 1e-6));
        return new GaussianProcessModel(x, n, dims, y, hyperparameters, mean, std, warp);
    }

    /// <summary>
    /// Centre and scale for targets: the given quantile (linear interpolation; the average below 3 points or for a
    /// negative quantile) and the standard deviation, 1 for constant targets so nothing divides by zero.
    /// </summary>
    internal static (double Mean, double Std) Standardization(IReadOnlyList<double> y, double quantile)
    {
        var average = Statistics.Mean(y);
        var std = Statistics.PopulationStandardDeviation(y);
        if (!(std > 1e-12 * Math.Max(1.0, Math.Abs(average))))
        {
            return (average, 1.0);
        }

        return y.Count < 3 || quantile < 0
            ? (average, std)
            : (Statistics.QuantileCustom(y, Math.Clamp(quantile, 0, 1), QuantileDefinition.R7), std);
    }

    /// <summary>Conditions on the data with given hyperparameters and standardisation (no fitting).</summary>
    public static GaussianProcessModel Create(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets,
        GaussianProcessHyperparameters hyperparameters, double targetMean, double targetStd, OutputWarp? warp = null)
    {
        var dims = hyperparameters.LengthScales.Count;
        var x = new double[inputs.Count * dims];
        for (var i = 0; i < inputs.Count; i++)
        {
            inputs[i].CopyTo(x, i * dims);
        }

        return new GaussianProcessModel(x, inputs.Count, dims, targets.ToArray(), hyperparameters, targetMean, targetStd,
            warp ?? OutputWarp.Identity);
    }

    /// <summary>
    /// A model with the same hyperparameters and standardisation that also knows the given points: as noisy
    /// observations, or with <paramref name="exact"/> as noise-free ones (fantasies at the GP's own mean, whose
    /// variance must vanish there even when the GP has learnt a large noise, or a batch piles up on one spot).
    /// </summary>
    public GaussianProcessModel Condition(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, bool exact = false)
    {
        var n = Count + inputs.Count;
        var x = new double[n * Dimension];
        _x.CopyTo(x, 0);
        for (var i = 0; i < inputs.Count; i++)
        {
            inputs[i].CopyTo(x, (Count + i) * Dimension);
        }

        return new GaussianProcessModel(x, n, Dimension, Targets.Concat(targets).ToArray(), Hyperparameters, TargetMean, TargetStd, Warp,
            [.. _exact, .. Enumerable.Repeat(exact, inputs.Count)]);
    }

    public double Input(int i, int d) => _x[i * Dimension + d];

    private void ScaledPoint(ReadOnlySpan<double> x, Span<double> z)
    {
        for (var d = 0; d < Dimension; d++)
        {
            z[d] = x[d] * _inverseLengthScales[d];
        }
    }

    /// <summary>
    /// Mean and standard deviation in original units for m points given row-major (m x D); through a warp, the mean
    /// is mapped back and the standard deviation scaled by the inverse warp's slope there (delta method).
    /// </summary>
    public void Predict(ReadOnlySpan<double> points, Span<double> mean, Span<double> std)
    {
        PredictStandardized(points, mean, std);
        ToObjectiveUnits(mean, std, mean, std);
    }

    /// <summary>Turns standardised means and stds (from <see cref="PredictStandardized"/>) into objective units, so a
    /// caller that needs both (the posterior slicer: surfaces and acquisition) predicts once.</summary>
    public void ToObjectiveUnits(ReadOnlySpan<double> standardizedMean, ReadOnlySpan<double> standardizedStd, Span<double> mean, Span<double> std)
    {
        for (var i = 0; i < standardizedMean.Length; i++)
        {
            var warped = TargetMean + TargetStd * standardizedMean[i];
            var s = standardizedStd[i];
            mean[i] = Warp.Inverse(warped);
            std[i] = s * TargetStd * Warp.InverseSlope(warped);
        }
    }

    /// <summary>The posterior mean alone, in objective units: O(n) per point instead of the O(n^2) a standard deviation
    /// costs, for analyses that integrate the mean over thousands of points (parameter importance).</summary>
    public void PredictMean(ReadOnlySpan<double> points, Span<double> mean)
    {
        var n = Count;
        var row = new double[n];
        var point = new double[Dimension];
        for (var i = 0; i < mean.Length; i++)
        {
            ScaledPoint(points.Slice(i * Dimension, Dimension), point);
            MaternKernel.SquaredDistances(point, _z, n, row);
            MaternKernel.FromSquaredDistances(row, Hyperparameters.Amplitude, row, default);
            mean[i] = Warp.Inverse(TargetMean + TargetStd * VectorKernels.Dot(row, _alpha));
        }
    }

    /// <summary>
    /// Mean and standard deviation in standardised units. Candidates go four at a time through one pass over the
    /// Cholesky factor, which is what makes 10^4 candidates against 10^3 observations affordable.
    /// </summary>
    public void PredictStandardized(ReadOnlySpan<double> points, Span<double> mean, Span<double> std)
    {
        var n = Count;
        var m = points.Length / Dimension;
        var buffer = new double[4 * n];
        var point = new double[Dimension];
        for (var start = 0; start < m; start += 4)
        {
            var count = Math.Min(4, m - start);
            for (var c = 0; c < 4; c++)
            {
                var row = buffer.AsSpan(c * n, n);
                if (c >= count)
                {
                    row.Clear();
                    continue;
                }

                ScaledPoint(points.Slice((start + c) * Dimension, Dimension), point);
                MaternKernel.SquaredDistances(point, _z, n, row);
                MaternKernel.FromSquaredDistances(row, Hyperparameters.Amplitude, row, default);
                mean[start + c] = VectorKernels.Dot(row, _alpha);
            }

            _cholesky.SolveLower4(buffer.AsSpan(0, n), buffer.AsSpan(n, n), buffer.AsSpan(2 * n, n), buffer.AsSpan(3 * n, n));
            for (var c = 0; c < count; c++)
            {
                var v = buffer.AsSpan(c * n, n);
                var variance = Hyperparameters.Amplitude - VectorKernels.Dot(v, v);
                std[start + c] = Math.Sqrt(Math.Max(variance, 1e-18));
            }
        }
    }

    /// <summary>Standardised mean and variance at one point, with their gradients with respect to the input.</summary>
    public void PredictStandardizedWithGradient(ReadOnlySpan<double> x, out double mean, out double variance,
        Span<double> meanGradient, Span<double> varianceGradient)
    {
        var n = Count;
        var point = new double[Dimension];
        var k = new double[n];
        var shape = new double[n];
        mean = KernelRow(x, point, k, shape);
        var v = (double[])k.Clone();
        _cholesky.Solve(v);
        variance = VarianceAndGradients(point, k, shape, v, meanGradient, varianceGradient, new double[n], new double[n]);
    }

    /// <summary>
    /// The same for m points given row-major (m x D), gradients row-major too: four at a time through one pass over the
    /// Cholesky factor (a long study's factor does not fit in cache, so reading it once per four points is what
    /// matters), with exactly the numbers the one-point overload gives. Its work arrays are rented: the acquisition's
    /// local searches call this dozens of times per ask, and a long study's rows (8 of n values each) were most of
    /// the garbage an ask made, each collection copying the history the ask holds.
    /// </summary>
    public void PredictStandardizedWithGradient(ReadOnlySpan<double> points, Span<double> mean, Span<double> variance,
        Span<double> meanGradient, Span<double> varianceGradient)
    {
        var n = Count;
        var dims = Dimension;
        var m = mean.Length;
        var point = new double[4 * dims];
        var rented = ArrayPool<double>.Shared.Rent(14 * n);
        try
        {
            var k = rented.AsSpan(0, 4 * n);
            var shape = rented.AsSpan(4 * n, 4 * n);
            var v = rented.AsSpan(8 * n, 4 * n);
            var wa = rented.AsSpan(12 * n, n);
            var wv = rented.AsSpan(13 * n, n);
            for (var start = 0; start < m; start += 4)
            {
                var count = Math.Min(4, m - start);
                v.Clear();
                for (var c = 0; c < count; c++)
                {
                    mean[start + c] = KernelRow(points.Slice((start + c) * dims, dims), point.AsSpan(c * dims, dims), k.Slice(c * n, n), shape.Slice(c * n, n));
                    k.Slice(c * n, n).CopyTo(v.Slice(c * n, n));
                }

                _cholesky.SolveEach4(v[..n], v.Slice(n, n), v.Slice(2 * n, n), v.Slice(3 * n, n));
                for (var c = 0; c < count; c++)
                {
                    var row = (start + c) * dims;
                    variance[start + c] = VarianceAndGradients(point.AsSpan(c * dims, dims), k.Slice(c * n, n), shape.Slice(c * n, n), v.Slice(c * n, n),
                        meanGradient.Slice(row, dims), varianceGradient.Slice(row, dims), wa, wv);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Kernel row k and shape factors from x to the training points; returns the standardised mean k . alpha.</summary>
    private double KernelRow(ReadOnlySpan<double> x, Span<double> point, Span<double> k, Span<double> shape)
    {
        ScaledPoint(x, point);
        MaternKernel.SquaredDistances(point, _z, Count, k);
        MaternKernel.FromSquaredDistances(k, Hyperparameters.Amplitude, k, shape);
        return VectorKernels.Dot(k, _alpha);
    }

    /// <summary>Variance a - k . v (v = K^-1 k) and the gradients of mean and variance at a scaled point.</summary>
    private double VarianceAndGradients(ReadOnlySpan<double> point, ReadOnlySpan<double> k, ReadOnlySpan<double> shape, ReadOnlySpan<double> v,
        Span<double> meanGradient, Span<double> varianceGradient, Span<double> wa, Span<double> wv)
    {
        var n = Count;
        var variance = Math.Max(Hyperparameters.Amplitude - VectorKernels.Dot(k, v), 1e-18);
        // dk_j/dx_d = -shape_j (z_d - z_jd) / l_d; wa and wv are work space of n values, every one written here.
        for (var j = 0; j < n; j++)
        {
            wa[j] = shape[j] * _alpha[j];
            wv[j] = shape[j] * v[j];
        }

        for (var d = 0; d < Dimension; d++)
        {
            var column = _z.AsSpan(d * n, n);
            var sa = 0.0;
            var sv = 0.0;
            var zd = point[d];
            for (var j = 0; j < n; j++)
            {
                var diff = zd - column[j];
                sa += wa[j] * diff;
                sv += wv[j] * diff;
            }

            meanGradient[d] = -sa * _inverseLengthScales[d];
            varianceGradient[d] = 2 * sv * _inverseLengthScales[d];
        }

        return variance;
    }
}
