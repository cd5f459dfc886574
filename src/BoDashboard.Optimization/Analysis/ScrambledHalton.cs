namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// Quasi-random points in the unit cube: the Halton sequence (dimension k in base the k-th prime) with every digit of
/// every dimension sent through its own random permutation. Plain Halton in bases 100+ is badly correlated between
/// neighbouring dimensions for the first thousands of points; the random digit permutations (Owen-style scrambling
/// at the cost of one table) remove those stripes and make the estimate a randomised quasi-Monte Carlo one.
/// </summary>
public sealed class ScrambledHalton
{
    private readonly int[] _bases;
    private readonly int[][][] _permutations;
    private readonly int[] _digits;

    public ScrambledHalton(int dimension, int seed)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), "at least one dimension is needed");
        }

        Dimension = dimension;
        _bases = Primes(dimension);
        var random = new Random(seed);
        _digits = new int[dimension];
        _permutations = new int[dimension][][];
        for (var d = 0; d < dimension; d++)
        {
            // Enough digits to resolve a double: base^digits >= 2^53.
            var b = _bases[d];
            _digits[d] = (int)Math.Ceiling(53 * Math.Log(2) / Math.Log(b));
            _permutations[d] = new int[_digits[d]][];
            for (var k = 0; k < _digits[d]; k++)
            {
                var permutation = Enumerable.Range(0, b).ToArray();
                random.Shuffle(permutation);
                _permutations[d][k] = permutation;
            }
        }
    }

    public int Dimension { get; }

    /// <summary>Writes point number <paramref name="index"/> (from 0) into <paramref name="target"/>.</summary>
    public void Point(long index, Span<double> target)
    {
        for (var d = 0; d < Dimension; d++)
        {
            var b = _bases[d];
            var n = index;
            var scale = 1.0 / b;
            var value = 0.0;
            // Digits beyond the index's own are 0 before scrambling, and become random after it: all are summed.
            for (var k = 0; k < _digits[d]; k++)
            {
                var digit = (int)(n % b);
                n /= b;
                value += _permutations[d][k][digit] * scale;
                scale /= b;
            }

            target[d] = Math.Min(value, 1.0 - 1e-16);
        }
    }

    /// <summary><paramref name="count"/> points from <paramref name="start"/>, row-major (count x dimension).</summary>
    public double[] Points(long start, int count)
    {
        var points = new double[count * Dimension];
        for (var i = 0; i < count; i++)
        {
            Point(start + i, points.AsSpan(i * Dimension, Dimension));
        }

        return points;
    }

    internal static int[] Primes(int count)
    {
        var primes = new List<int>(count);
        for (var candidate = 2; primes.Count < count; candidate++)
        {
            if (primes.TrueForAll(p => p * p > candidate || candidate % p != 0))
            {
                primes.Add(candidate);
            }
        }

        return primes.ToArray();
    }
}
