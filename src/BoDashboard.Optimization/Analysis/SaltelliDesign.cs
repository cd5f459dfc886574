namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// The points at which a function is evaluated to estimate its Sobol indices (Saltelli 2010): two independent
/// quasi-random matrices A and B (N rows each, from one 2d-dimensional scrambled Halton sequence) and, per input i,
/// the matrix AB_i, which is A with column i taken from B: N (d + 2) points in all. <see cref="Points"/> holds them
/// row-major in that order: A, B, AB_0, ..., AB_{d-1}.
/// </summary>
public sealed class SaltelliDesign
{
    private SaltelliDesign(int dimension, int baseSamples, double[] points)
    {
        Dimension = dimension;
        BaseSamples = baseSamples;
        Points = points;
    }

    public int Dimension { get; }

    /// <summary>N: rows of A (and of B and of each AB_i).</summary>
    public int BaseSamples { get; }

    public double[] Points { get; }

    public int Count => BaseSamples * (Dimension + 2);

    public static SaltelliDesign Create(int dimension, int baseSamples, int seed)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), "at least one input is needed");
        }

        if (baseSamples < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(baseSamples), "at least two base samples are needed");
        }

        var sequence = new ScrambledHalton(2 * dimension, seed);
        var d = dimension;
        var n = baseSamples;
        var points = new double[n * (d + 2) * d];
        Span<double> row = stackalloc double[2 * d];
        for (var r = 0; r < n; r++)
        {
            sequence.Point(r, row);
            var a = row[..d];
            var b = row[d..];
            a.CopyTo(points.AsSpan(r * d, d));
            b.CopyTo(points.AsSpan((n + r) * d, d));
            for (var i = 0; i < d; i++)
            {
                var target = points.AsSpan(((2 + i) * n + r) * d, d);
                a.CopyTo(target);
                target[i] = b[i];
            }
        }

        return new SaltelliDesign(d, n, points);
    }

    /// <summary>Evaluates <paramref name="function"/> (one row of the unit cube to one value) at every point.</summary>
    public double[] Evaluate(Func<double[], double> function)
    {
        var values = new double[Count];
        var x = new double[Dimension];
        for (var k = 0; k < Count; k++)
        {
            Points.AsSpan(k * Dimension, Dimension).CopyTo(x);
            values[k] = function(x);
        }

        return values;
    }

    /// <summary>
    /// The indices from the function's values at <see cref="Points"/> (same order). First order by Saltelli's
    /// estimator, V_i = mean(f_B (f_ABi - f_A)); total by Jansen's, VT_i = mean((f_A - f_ABi)^2) / 2; both over the
    /// variance of f_A and f_B together. <paramref name="rows"/> picks the base rows to use (repeats allowed, for a
    /// bootstrap); all rows when null.
    /// </summary>
    public SobolIndices Estimate(ReadOnlySpan<double> values, IReadOnlyList<int>? rows = null)
    {
        if (values.Length != Count)
        {
            throw new ArgumentException($"expected {Count} values, one per design point, got {values.Length}", nameof(values));
        }

        var n = BaseSamples;
        var m = rows?.Count ?? n;
        // Two passes, and every value centred: the estimators' noise grows with the mean's square otherwise.
        var sum = 0.0;
        for (var j = 0; j < m; j++)
        {
            var r = rows?[j] ?? j;
            sum += values[r] + values[n + r];
        }

        var mean = sum / (2 * m);
        var sumSquares = 0.0;
        for (var j = 0; j < m; j++)
        {
            var r = rows?[j] ?? j;
            sumSquares += (values[r] - mean) * (values[r] - mean) + (values[n + r] - mean) * (values[n + r] - mean);
        }

        var variance = sumSquares / (2 * m);
        // Rounding noise of a constant function is not variance to share out.
        var defined = variance > 1e-20 * Math.Max(1.0, mean * mean);
        var first = new double[Dimension];
        var total = new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            var partial = 0.0;
            var totalPartial = 0.0;
            for (var j = 0; j < m; j++)
            {
                var r = rows?[j] ?? j;
                var fa = values[r] - mean;
                var fb = values[n + r] - mean;
                var fab = values[(2 + i) * n + r] - mean;
                partial += fb * (fab - fa);
                totalPartial += (fa - fab) * (fa - fab);
            }

            first[i] = defined ? partial / m / variance : double.NaN;
            total[i] = defined ? totalPartial / (2 * m) / variance : double.NaN;
        }

        return new SobolIndices(first, total, defined ? variance : 0);
    }
}
