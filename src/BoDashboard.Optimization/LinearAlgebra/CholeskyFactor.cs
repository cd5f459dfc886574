namespace BoDashboard.Optimization.LinearAlgebra;

/// <summary>
/// Lower Cholesky factor L of a symmetric positive-definite matrix (row-major, n x n), with the triangular solves
/// the GP needs. Our own because MathNet's managed Cholesky is ~50x slower than these SIMD dot-product loops.
/// </summary>
internal sealed class CholeskyFactor
{
    /// <summary>
    /// Above this size the factor keeps a transposed copy, so the backward solve is a dot product per row like the
    /// forward one instead of an update of the whole solution per row: a long study's acquisition search spends half its
    /// time in that solve, and the updates' stores were its bottleneck. Smaller factors (every study of at most
    /// <see cref="TransposedAbove"/> trials) solve as before, so their proposals are unchanged to the last bit.
    /// </summary>
    public const int TransposedAbove = 120;

    private readonly double[] _l;
    // L^T row-major (row i holds L_ji for j >= i), only for factors larger than TransposedAbove: the same array as _l,
    // whose upper triangle is free (row i of L ends at its diagonal, row i of L^T starts there), so a long study's
    // model holds one n x n array instead of three (kernel matrix, factor, transposed copy).
    private readonly double[]? _upper;

    private CholeskyFactor(double[] l, int n, double jitter)
    {
        _l = l;
        Size = n;
        Jitter = jitter;
        if (n > TransposedAbove)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    l[j * n + i] = l[i * n + j];
                }
            }

            _upper = l;
        }
    }

    public int Size { get; }

    /// <summary>The diagonal jitter that had to be added for the factorisation to succeed (0 when none).</summary>
    public double Jitter { get; }

    public ReadOnlySpan<double> Row(int i) => _l.AsSpan(i * Size, i + 1);

    /// <summary>L_ij for j &lt;= i (above the diagonal: 0, or L_ji where the factor keeps its transpose there).</summary>
    public double this[int i, int j] => _l[i * Size + j];

    /// <summary>
    /// Factorises <paramref name="matrix"/> (only the lower triangle is read; it is not modified). When it is not
    /// numerically positive definite (duplicate points, constant targets), retries with jitter growing tenfold from
    /// 1e-10 times the mean diagonal, so callers never see an exception for a merely ill-conditioned matrix.
    /// </summary>
    public static CholeskyFactor Factor(ReadOnlySpan<double> matrix, int n)
    {
        var l = new double[n * n];
        var meanDiagonal = 0.0;
        for (var i = 0; i < n; i++)
        {
            meanDiagonal += matrix[i * n + i];
        }

        meanDiagonal = n > 0 && meanDiagonal > 0 ? meanDiagonal / n : 1.0;
        var jitter = 0.0;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            matrix.CopyTo(l);
            for (var i = 0; i < n; i++)
            {
                l[i * n + i] += jitter;
            }

            if (TryFactorInPlace(l, n))
            {
                return new CholeskyFactor(l, n, jitter);
            }

            jitter = jitter == 0 ? 1e-10 * meanDiagonal : jitter * 10;
        }

        throw new InvalidOperationException("matrix is not positive definite even with jitter");
    }

    /// <summary>
    /// Factorises <paramref name="matrix"/> in its own array, which the factor then keeps (no copy; only the lower
    /// triangle is read), when it is positive definite without jitter: the same factor, bit for bit, as
    /// <see cref="Factor"/> gives. Null otherwise, and the matrix is then overwritten: the caller rebuilds it and calls
    /// <see cref="Factor"/>, which retries with jitter.
    /// </summary>
    public static CholeskyFactor? TryFactorOwned(double[] matrix, int n) => TryFactorInPlace(matrix, n) ? new CholeskyFactor(matrix, n, 0.0) : null;

    /// <summary>Row-oriented (Crout) factorisation; rows are done four at a time so each earlier row is read once per four.</summary>
    private static bool TryFactorInPlace(double[] a, int n)
    {
        Span<double> dots = stackalloc double[4];
        var i0 = 0;
        for (; i0 + 4 <= n; i0 += 4)
        {
            var r0 = a.AsSpan(i0 * n, n);
            var r1 = a.AsSpan((i0 + 1) * n, n);
            var r2 = a.AsSpan((i0 + 2) * n, n);
            var r3 = a.AsSpan((i0 + 3) * n, n);
            for (var j = 0; j < i0; j++)
            {
                var rj = a.AsSpan(j * n, j);
                VectorKernels.Dot4(rj, r0[..j], r1[..j], r2[..j], r3[..j], dots);
                var inv = 1.0 / a[j * n + j];
                r0[j] = (r0[j] - dots[0]) * inv;
                r1[j] = (r1[j] - dots[1]) * inv;
                r2[j] = (r2[j] - dots[2]) * inv;
                r3[j] = (r3[j] - dots[3]) * inv;
            }

            for (var i = i0; i < i0 + 4; i++)
            {
                if (!FinishRow(a, n, i, i0))
                {
                    return false;
                }
            }
        }

        for (var i = i0; i < n; i++)
        {
            if (!FinishRow(a, n, i, 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Computes entries [from, i] of row i, the earlier ones being already done.</summary>
    private static bool FinishRow(double[] a, int n, int i, int from)
    {
        var ri = a.AsSpan(i * n, n);
        for (var j = from; j < i; j++)
        {
            ri[j] = (ri[j] - VectorKernels.Dot(ri[..j], a.AsSpan(j * n, j))) / a[j * n + j];
        }

        var d = ri[i] - VectorKernels.Dot(ri[..i], ri[..i]);
        if (!(d > 0) || !double.IsFinite(d))
        {
            return false;
        }

        ri[i] = Math.Sqrt(d);
        ri[(i + 1)..].Clear();
        return true;
    }

    public double LogDeterminant()
    {
        var sum = 0.0;
        for (var i = 0; i < Size; i++)
        {
            sum += Math.Log(_l[i * Size + i]);
        }

        return 2 * sum;
    }

    /// <summary>Solves L x = b in place.</summary>
    public void SolveLower(Span<double> b)
    {
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            b[i] = (b[i] - VectorKernels.Dot(_l.AsSpan(i * n, i), b[..i])) / _l[i * n + i];
        }
    }

    /// <summary>Solves L^T x = b in place (column-oriented so it reads rows of L contiguously).</summary>
    public void SolveLowerTranspose(Span<double> b)
    {
        var n = Size;
        if (_upper is not null)
        {
            // x_i = (b_i - sum over j > i of L_ji x_j) / L_ii, a row of L^T against the part of x already solved.
            for (var i = n - 1; i >= 0; i--)
            {
                b[i] = (b[i] - VectorKernels.Dot(_upper.AsSpan(i * n + i + 1, n - i - 1), b[(i + 1)..])) / _upper[i * n + i];
            }

            return;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            b[i] /= _l[i * n + i];
            VectorKernels.Axpy(-b[i], _l.AsSpan(i * n, i), b[..i]);
        }
    }

    /// <summary>Solves (L L^T) x = b in place.</summary>
    public void Solve(Span<double> b)
    {
        SolveLower(b);
        SolveLowerTranspose(b);
    }

    /// <summary>
    /// Solves (L L^T) x = b for four right-hand sides at once, each rounded exactly as <see cref="Solve"/> rounds it;
    /// L is read once for all four instead of once per right-hand side.
    /// </summary>
    public void SolveEach4(Span<double> b0, Span<double> b1, Span<double> b2, Span<double> b3)
    {
        var n = Size;
        Span<double> scalars = stackalloc double[4];
        for (var i = 0; i < n; i++)
        {
            VectorKernels.DotEach4(_l.AsSpan(i * n, i), b0[..i], b1[..i], b2[..i], b3[..i], scalars);
            var diagonal = _l[i * n + i];
            b0[i] = (b0[i] - scalars[0]) / diagonal;
            b1[i] = (b1[i] - scalars[1]) / diagonal;
            b2[i] = (b2[i] - scalars[2]) / diagonal;
            b3[i] = (b3[i] - scalars[3]) / diagonal;
        }

        if (_upper is not null)
        {
            for (var i = n - 1; i >= 0; i--)
            {
                VectorKernels.DotEach4(_upper.AsSpan(i * n + i + 1, n - i - 1), b0[(i + 1)..], b1[(i + 1)..], b2[(i + 1)..], b3[(i + 1)..], scalars);
                var diagonal = _upper[i * n + i];
                b0[i] = (b0[i] - scalars[0]) / diagonal;
                b1[i] = (b1[i] - scalars[1]) / diagonal;
                b2[i] = (b2[i] - scalars[2]) / diagonal;
                b3[i] = (b3[i] - scalars[3]) / diagonal;
            }

            return;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var diagonal = _l[i * n + i];
            b0[i] /= diagonal;
            b1[i] /= diagonal;
            b2[i] /= diagonal;
            b3[i] /= diagonal;
            scalars[0] = -b0[i];
            scalars[1] = -b1[i];
            scalars[2] = -b2[i];
            scalars[3] = -b3[i];
            VectorKernels.AxpyEach4(scalars, _l.AsSpan(i * n, i), b0[..i], b1[..i], b2[..i], b3[..i]);
        }
    }

    /// <summary>
    /// Solves L x = b for four right-hand sides at once (each of length n); L's rows are read once for all four.
    /// </summary>
    public void SolveLower4(Span<double> b0, Span<double> b1, Span<double> b2, Span<double> b3)
    {
        var n = Size;
        Span<double> dots = stackalloc double[4];
        for (var i = 0; i < n; i++)
        {
            VectorKernels.Dot4(_l.AsSpan(i * n, i), b0[..i], b1[..i], b2[..i], b3[..i], dots);
            var inv = 1.0 / _l[i * n + i];
            b0[i] = (b0[i] - dots[0]) * inv;
            b1[i] = (b1[i] - dots[1]) * inv;
            b2[i] = (b2[i] - dots[2]) * inv;
            b3[i] = (b3[i] - dots[3]) * inv;
        }
    }

    /// <summary>
    /// The full inverse (L L^T)^-1 as a symmetric row-major matrix, via U = L^-T: row c of U is L^-1 e_c, which is
    /// zero before c, and (L L^T)^-1_ij = U_i . U_j over the common non-zero tail.
    /// </summary>
    public double[] Inverse()
    {
        var n = Size;
        var u = new double[n * n];
        for (var c = 0; c < n; c++)
        {
            var row = u.AsSpan(c * n, n);
            row[c] = 1.0 / _l[c * n + c];
            for (var k = c + 1; k < n; k++)
            {
                row[k] = -VectorKernels.Dot(_l.AsSpan(k * n + c, k - c), row[c..k]) / _l[k * n + k];
            }
        }

        var inverse = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var ui = u.AsSpan(i * n, n);
            for (var j = i; j < n; j++)
            {
                var v = VectorKernels.Dot(ui[j..], u.AsSpan(j * n + j, n - j));
                inverse[i * n + j] = v;
                inverse[j * n + i] = v;
            }
        }

        return inverse;
    }
}
