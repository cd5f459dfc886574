using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// Matern 5/2 with one length scale per dimension (ARD) times an amplitude:
/// k = a (1 + s + s^2/3) exp(-s), s = sqrt(5) r, r^2 = sum_d ((x_d - y_d) / l_d)^2.
/// Points are handled pre-divided by the length scales ("scaled"), training points stored dimension-major so the
/// loops over training points vectorise.
/// Both derivatives used by the GP share one factor, the "shape" (5/3) a (1 + s) exp(-s):
/// dk/dlog(l_d) = shape u_d^2 and dk/dx_d = -shape u_d / l_d with u_d the scaled difference.
/// </summary>
internal static class MaternKernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5.0);

    /// <summary>Squared scaled distances from one scaled point to every training point (dimension-major, n per dimension).</summary>
    public static void SquaredDistances(ReadOnlySpan<double> point, ReadOnlySpan<double> train, int n, Span<double> r2)
    {
        r2[..n].Clear();
        for (var d = 0; d < point.Length; d++)
        {
            var column = train.Slice(d * n, n);
            var p = point[d];
            var i = 0;
            ref var rc = ref MemoryMarshal.GetReference(column);
            ref var rr = ref MemoryMarshal.GetReference(r2);
            if (Vector512.IsHardwareAccelerated)
            {
                var vp = Vector512.Create(p);
                for (; i <= n - 8; i += 8)
                {
                    var diff = Vector512.LoadUnsafe(ref rc, (nuint)i) - vp;
                    Vector512.FusedMultiplyAdd(diff, diff, Vector512.LoadUnsafe(ref rr, (nuint)i)).StoreUnsafe(ref rr, (nuint)i);
                }
            }

            for (; i < n; i++)
            {
                var diff = Unsafe.Add(ref rc, i) - p;
                Unsafe.Add(ref rr, i) += diff * diff;
            }
        }
    }

    /// <summary>Kernel values and the shape factor from squared scaled distances (either output may be empty).</summary>
    public static void FromSquaredDistances(ReadOnlySpan<double> r2, double amplitude, Span<double> k, Span<double> shape)
    {
        var n = r2.Length;
        var withK = !k.IsEmpty;
        var withShape = !shape.IsEmpty;
        var i = 0;
        ref var rr = ref MemoryMarshal.GetReference(r2);
        if (Vector512.IsHardwareAccelerated)
        {
            var va = Vector512.Create(amplitude);
            var vs5 = Vector512.Create(Sqrt5);
            var third = Vector512.Create(1.0 / 3.0);
            var fiveThirds = Vector512.Create(5.0 / 3.0);
            for (; i <= n - 8; i += 8)
            {
                var s = vs5 * Vector512.Sqrt(Vector512.Max(Vector512.LoadUnsafe(ref rr, (nuint)i), Vector512<double>.Zero));
                var e = va * Vector512.Exp(-s);
                var onePlusS = Vector512<double>.One + s;
                if (withK)
                {
                    (e * (onePlusS + s * s * third)).StoreUnsafe(ref MemoryMarshal.GetReference(k), (nuint)i);
                }

                if (withShape)
                {
                    (fiveThirds * e * onePlusS).StoreUnsafe(ref MemoryMarshal.GetReference(shape), (nuint)i);
                }
            }
        }

        for (; i < n; i++)
        {
            var s = Sqrt5 * Math.Sqrt(Math.Max(r2[i], 0));
            var e = amplitude * Math.Exp(-s);
            if (withK)
            {
                k[i] = e * (1 + s + s * s / 3);
            }

            if (withShape)
            {
                shape[i] = 5.0 / 3.0 * e * (1 + s);
            }
        }
    }

    /// <summary>Divides a row-major n x D block by the length scales and stores it dimension-major (D x n).</summary>
    public static double[] ScaleDimensionMajor(ReadOnlySpan<double> x, int n, int dims, ReadOnlySpan<double> lengthScales)
    {
        var z = new double[dims * n];
        for (var i = 0; i < n; i++)
        {
            for (var d = 0; d < dims; d++)
            {
                z[d * n + i] = x[i * dims + d] / lengthScales[d];
            }
        }

        return z;
    }

    /// <summary>sum_j w_j (column_j - p)^2: one dimension's share of a length-scale gradient.</summary>
    public static double WeightedSquaredDifferences(ReadOnlySpan<double> w, ReadOnlySpan<double> column, double p)
    {
        var n = w.Length;
        ref var rw = ref MemoryMarshal.GetReference(w);
        ref var rc = ref MemoryMarshal.GetReference(column);
        var i = 0;
        var sum = 0.0;
        if (Vector512.IsHardwareAccelerated)
        {
            var vp = Vector512.Create(p);
            var acc = Vector512<double>.Zero;
            for (; i <= n - 8; i += 8)
            {
                var diff = Vector512.LoadUnsafe(ref rc, (nuint)i) - vp;
                acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref rw, (nuint)i) * diff, diff, acc);
            }

            sum = Vector512.Sum(acc);
        }

        for (; i < n; i++)
        {
            var diff = Unsafe.Add(ref rc, i) - p;
            sum += Unsafe.Add(ref rw, i) * diff * diff;
        }

        return sum;
    }
}
