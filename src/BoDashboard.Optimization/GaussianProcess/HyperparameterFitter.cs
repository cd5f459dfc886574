using BoDashboard.Optimization.LinearAlgebra;
using BoDashboard.Optimization.Minimization;

namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// Fits kernel hyperparameters by maximising the log marginal likelihood plus a weak log-normal prior on the
/// length scales, with analytic gradients and bounded L-BFGS from several starts. Parameters are optimised on a
/// log scale: theta = [log l_1..G, log amplitude, log noise (when learned)], with one length scale per group of
/// coordinates (<see cref="GaussianProcessOptions.CoordinateGroups"/>: a categorical's one-hot coordinates share one,
/// which makes its part of the kernel a function of whether two choices differ, the same for every pair of choices).
/// </summary>
internal static class HyperparameterFitter
{
    // The prior pulls length scales towards 0.3 of the cube unless the data insist: it stops a rugged function
    // (Ackley) from collapsing the model into white noise with tiny length scales, and (tighter than the earlier
    // median 0.5, sd 1.5) keeps a 6-D model with few points from smoothing over Hartmann's basins.
    private const double PriorLogMean = -1.2039728043259361; // ln 0.3
    private const double PriorLogStd = 1.0;
    private const double MinAmplitude = 0.05;
    private const double MaxAmplitude = 20.0;
    private const double MaxNoise = 1.0;

    public static GaussianProcessHyperparameters Fit(double[] x, int n, int dims, double[] ys, GaussianProcessOptions options)
    {
        var random = new Random(options.Seed);
        var fullN = n;
        (x, n, ys, var subsetStd) = Subset(x, n, dims, ys, options.MaxFitPoints, options.PriorMeanQuantile, random);
        var groups = Groups(options.CoordinateGroups, dims);
        var scales = groups.Max() + 1;
        var learnNoise = options.FixedNoise is null;
        var p = scales + (learnNoise ? 2 : 1);
        var lower = new double[p];
        var upper = new double[p];
        for (var d = 0; d < scales; d++)
        {
            lower[d] = Math.Log(options.MinLengthScale);
            upper[d] = Math.Log(options.MaxLengthScale);
        }

        lower[scales] = Math.Log(MinAmplitude);
        upper[scales] = Math.Log(MaxAmplitude);
        var noiseFloor = Math.Max(options.NoiseFloor, 1e-12);
        if (learnNoise)
        {
            lower[scales + 1] = Math.Log(noiseFloor);
            upper[scales + 1] = Math.Log(Math.Max(MaxNoise, noiseFloor * 10));
        }

        BoundedLbfgs.Objective objective = (theta, gradient) =>
            NegativeLogPosterior(theta, x, n, dims, ys, options.FixedNoise, gradient, groups);

        // Fewer restarts when each evaluation costs O(n^3): the default start is already good for large n. A fit on a
        // subset (a long study) with a warm start from the study's previous fit needs only that one start: one more
        // trial barely moves the optimum, which L-BFGS then finds in a fraction of a cold start's iterations.
        var warm = fullN > options.MaxFitPoints && options.WarmStart is { } previous
            ? WarmTheta(previous, groups, scales, p, subsetStd, lower, upper, learnNoise)
            : null;
        var restarts = warm is not null ? 1 : Math.Max(1, n > 60 ? Math.Min(options.Restarts, 2) : options.Restarts);
        double[]? best = null;
        var bestValue = double.PositiveInfinity;
        for (var r = 0; r < restarts; r++)
        {
            var start = warm ?? ColdStart(r, p, scales, learnNoise ? lower[scales + 1] : null, random);
            var (theta, value, _) = BoundedLbfgs.Minimize(objective, start, lower, upper, maxIterations: 60,
                gradientTolerance: 1e-5, relativeTolerance: 1e-8);
            if (value < bestValue)
            {
                bestValue = value;
                best = theta;
            }
        }

        best ??= lower.Zip(upper, (l, u) => 0.5 * (l + u)).ToArray();
        var fitted = ToHyperparameters(best, groups, options.FixedNoise);
        // Amplitude and noise are variances on the subset's scale; the model uses them on the full data's scale.
        var variance = subsetStd * subsetStd;
        return fitted with { Amplitude = fitted.Amplitude * variance, Noise = options.FixedNoise ?? fitted.Noise * variance };
    }

    /// <summary>The first start is the prior's centre (length scales 0.3, amplitude 1, noise 1e-3 or its floor); later
    /// ones are drawn at random around it.</summary>
    private static double[] ColdStart(int r, int p, int scales, double? noiseLower, Random random)
    {
        var start = new double[p];
        for (var d = 0; d < scales; d++)
        {
            start[d] = r == 0 ? Math.Log(0.3) : random.NextDouble() * (Math.Log(2.0) - Math.Log(0.03)) + Math.Log(0.03);
        }

        start[scales] = r == 0 ? 0.0 : random.NextDouble() * 2 * Math.Log(2.0) - Math.Log(2.0);
        if (noiseLower is { } floor)
        {
            start[scales + 1] = r == 0
                ? Math.Max(Math.Log(1e-3), floor)
                : floor + random.NextDouble() * (Math.Log(0.1) - floor);
        }

        return start;
    }

    /// <summary>
    /// Theta of earlier hyperparameters (on the full data's scale) for this subset: amplitude and noise divided by the
    /// subset's variance as <see cref="Fit"/> multiplies them, each group's length scale from its first coordinate, all
    /// clamped into the bounds. Null when they do not fit these coordinates.
    /// </summary>
    private static double[]? WarmTheta(GaussianProcessHyperparameters previous, int[] groups, int scales, int p, double subsetStd,
        double[] lower, double[] upper, bool learnNoise)
    {
        if (previous.LengthScales.Count != groups.Length)
        {
            return null;
        }

        var theta = new double[p];
        for (var d = groups.Length - 1; d >= 0; d--)
        {
            theta[groups[d]] = Math.Log(previous.LengthScales[d]);
        }

        var variance = subsetStd * subsetStd;
        theta[scales] = Math.Log(previous.Amplitude / variance);
        if (learnNoise)
        {
            theta[scales + 1] = Math.Log(previous.Noise / variance);
        }

        for (var k = 0; k < p; k++)
        {
            if (!double.IsFinite(theta[k]))
            {
                return null;
            }

            theta[k] = Math.Clamp(theta[k], lower[k], upper[k]);
        }

        return theta;
    }

    /// <summary>Per coordinate, the index of its length scale in theta: the given groups, or one per coordinate.</summary>
    internal static int[] Groups(IReadOnlyList<int>? groups, int dims)
    {
        if (groups is null)
        {
            return Enumerable.Range(0, dims).ToArray();
        }

        if (groups.Count != dims || groups.Any(g => g < 0) || groups.Distinct().Count() != groups.Max() + 1)
        {
            throw new ArgumentException($"coordinate groups must number the {dims} coordinates' length scales 0, 1, ... without gaps", nameof(groups));
        }

        return [.. groups];
    }

    public static GaussianProcessHyperparameters ToHyperparameters(ReadOnlySpan<double> theta, int[] groups, double? fixedNoise)
    {
        var lengthScales = new double[groups.Length];
        for (var d = 0; d < groups.Length; d++)
        {
            lengthScales[d] = Math.Exp(theta[groups[d]]);
        }

        var scales = groups.Length == 0 ? 0 : groups.Max() + 1;
        return new GaussianProcessHyperparameters(lengthScales, Math.Exp(theta[scales]), fixedNoise ?? Math.Exp(theta[scales + 1]));
    }

    /// <summary>
    /// Keeps at most <paramref name="max"/> points for the hyperparameter fit: the best quarter (the region that
    /// matters) plus a seeded random draw of the rest, re-standardised; also returns the factor that takes the subset's
    /// scale back to the full data's (1 when every point is kept).
    /// </summary>
    private static (double[] X, int N, double[] Y, double Std) Subset(double[] x, int n, int dims, double[] ys, int max, double meanQuantile,
        Random random)
    {
        if (n <= max)
        {
            return (x, n, ys, 1.0);
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => ys[i]).ToArray();
        var keep = order.Take(max / 4).ToList();
        var rest = order.Skip(max / 4).ToArray();
        random.Shuffle(rest);
        keep.AddRange(rest.Take(max - keep.Count));
        var xs = new double[max * dims];
        var y = new double[max];
        for (var k = 0; k < max; k++)
        {
            Array.Copy(x, keep[k] * dims, xs, k * dims, dims);
            y[k] = ys[keep[k]];
        }

        // Re-standardise the subset so its targets have the scale the bounds assume, centred like the full data.
        var (mean, std) = GaussianProcessModel.Standardization(y, meanQuantile);
        for (var k = 0; k < max; k++)
        {
            y[k] = (y[k] - mean) / std;
        }

        return (xs, max, y, std);
    }

    /// <summary>
    /// -(log marginal likelihood + log prior) and its gradient with respect to theta. Gradient of the LML:
    /// 0.5 tr((alpha alpha^T - K^-1) dK/dtheta).
    /// </summary>
    public static double NegativeLogPosterior(ReadOnlySpan<double> theta, double[] x, int n, int dims, double[] ys,
        double? fixedNoise, Span<double> gradient, int[]? groups = null)
    {
        groups ??= Groups(null, dims);
        var scales = groups.Max() + 1;
        var h = ToHyperparameters(theta, groups, fixedNoise);
        var lengthScales = h.LengthScales.ToArray();
        var z = MaternKernel.ScaleDimensionMajor(x, n, dims, lengthScales);
        var k = new double[n * n];
        var shape = new double[n * n];
        var point = new double[dims];
        var r2 = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var d = 0; d < dims; d++)
            {
                point[d] = z[d * n + i];
            }

            MaternKernel.SquaredDistances(point, z, n, r2);
            MaternKernel.FromSquaredDistances(r2, h.Amplitude, k.AsSpan(i * n, n), shape.AsSpan(i * n, n));
        }

        var ky = (double[])k.Clone();
        for (var i = 0; i < n; i++)
        {
            ky[i * n + i] += h.Noise;
        }

        var chol = CholeskyFactor.Factor(ky, n);
        var alpha = (double[])ys.Clone();
        chol.Solve(alpha);
        var lml = -0.5 * VectorKernels.Dot(ys, alpha) - 0.5 * chol.LogDeterminant() - 0.5 * n * Math.Log(2 * Math.PI);
        var logPrior = 0.0;
        for (var d = 0; d < scales; d++)
        {
            var t = (theta[d] - PriorLogMean) / PriorLogStd;
            logPrior -= 0.5 * t * t;
        }

        var inverse = chol.Inverse();
        gradient.Clear();
        var coordinateGradient = new double[dims];
        var w = new double[n];
        var traceW = 0.0;
        var amplitudeGradient = 0.0;
        for (var i = 0; i < n; i++)
        {
            // Row i of W = alpha alpha^T - K^-1, then weighted by the kernel's shape factor.
            var ai = alpha[i];
            var invRow = inverse.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                w[j] = ai * alpha[j] - invRow[j];
            }

            traceW += w[i];
            amplitudeGradient += VectorKernels.Dot(w, k.AsSpan(i * n, n));
            var shapeRow = shape.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                w[j] *= shapeRow[j];
            }

            for (var d = 0; d < dims; d++)
            {
                coordinateGradient[d] += MaternKernel.WeightedSquaredDifferences(w, z.AsSpan(d * n, n), z[d * n + i]);
            }
        }

        // A shared length scale collects the gradient of every coordinate that uses it.
        for (var d = 0; d < dims; d++)
        {
            gradient[groups[d]] -= 0.5 * coordinateGradient[d];
        }

        for (var g = 0; g < scales; g++)
        {
            gradient[g] += (theta[g] - PriorLogMean) / (PriorLogStd * PriorLogStd);
        }

        gradient[scales] = -0.5 * amplitudeGradient;
        if (fixedNoise is null)
        {
            gradient[scales + 1] = -0.5 * h.Noise * traceW;
        }

        return -(lml + logPrior);
    }
}
