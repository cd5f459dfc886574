using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BoDashboard.Optimization.LinearAlgebra;

/// <summary>
/// The few SIMD inner loops the GP spends its time in. AVX-512 where the CPU has it (8 doubles per FMA),
/// otherwise the hardware's <see cref="Vector{T}"/> width, then a scalar tail.
/// </summary>
internal static class VectorKernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = a.Length;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var i = 0;
        double sum;
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            // Two accumulators hide the FMA latency.
            var s0 = Vector512<double>.Zero;
            var s1 = Vector512<double>.Zero;
            for (; i <= n - 16; i += 16)
            {
                s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref ra, (nuint)i), Vector512.LoadUnsafe(ref rb, (nuint)i), s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref ra, (nuint)(i + 8)), Vector512.LoadUnsafe(ref rb, (nuint)(i + 8)), s1);
            }

            sum = Vector512.Sum(s0 + s1);
        }
        else if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var w = Vector<double>.Count;
            var s0 = Vector<double>.Zero;
            for (; i <= n - w; i += w)
            {
                s0 += Vector.LoadUnsafe(ref ra, (nuint)i) * Vector.LoadUnsafe(ref rb, (nuint)i);
            }

            sum = Vector.Sum(s0);
        }
        else
        {
            sum = 0;
        }

        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        }

        return sum;
    }

    /// <summary>Four dot products sharing <paramref name="shared"/>: it is loaded once for all four, quartering memory traffic.</summary>
    public static void Dot4(ReadOnlySpan<double> shared, ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> a2,
        ReadOnlySpan<double> a3, Span<double> result)
    {
        var n = shared.Length;
        ref var rs = ref MemoryMarshal.GetReference(shared);
        ref var r0 = ref MemoryMarshal.GetReference(a0);
        ref var r1 = ref MemoryMarshal.GetReference(a1);
        ref var r2 = ref MemoryMarshal.GetReference(a2);
        ref var r3 = ref MemoryMarshal.GetReference(a3);
        var i = 0;
        double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        if (Vector512.IsHardwareAccelerated && n >= 8)
        {
            var s0 = Vector512<double>.Zero;
            var s1 = Vector512<double>.Zero;
            var s2 = Vector512<double>.Zero;
            var s3 = Vector512<double>.Zero;
            for (; i <= n - 8; i += 8)
            {
                var v = Vector512.LoadUnsafe(ref rs, (nuint)i);
                s0 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref r0, (nuint)i), s0);
                s1 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref r1, (nuint)i), s1);
                s2 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref r2, (nuint)i), s2);
                s3 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref r3, (nuint)i), s3);
            }

            d0 = Vector512.Sum(s0);
            d1 = Vector512.Sum(s1);
            d2 = Vector512.Sum(s2);
            d3 = Vector512.Sum(s3);
        }
        else if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            VectorDot4(ref rs, ref r0, ref r1, ref r2, ref r3, n, ref i, out d0, out d1, out d2, out d3);
        }

        FinishDot4(ref rs, ref r0, ref r1, ref r2, ref r3, n, i, d0, d1, d2, d3, result);
    }

    /// <summary>
    /// Four dot products with one shared vector, each rounded exactly as <see cref="Dot"/> rounds it (same accumulators,
    /// same order), so a batch of points gets bit for bit the numbers each would get alone; the shared vector is loaded
    /// once for all four.
    /// </summary>
    public static void DotEach4(ReadOnlySpan<double> shared, ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> a2,
        ReadOnlySpan<double> a3, Span<double> result)
    {
        var n = shared.Length;
        ref var rs = ref MemoryMarshal.GetReference(shared);
        ref var r0 = ref MemoryMarshal.GetReference(a0);
        ref var r1 = ref MemoryMarshal.GetReference(a1);
        ref var r2 = ref MemoryMarshal.GetReference(a2);
        ref var r3 = ref MemoryMarshal.GetReference(a3);
        var i = 0;
        double d0, d1, d2, d3;
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            var s00 = Vector512<double>.Zero;
            var s01 = Vector512<double>.Zero;
            var s10 = Vector512<double>.Zero;
            var s11 = Vector512<double>.Zero;
            var s20 = Vector512<double>.Zero;
            var s21 = Vector512<double>.Zero;
            var s30 = Vector512<double>.Zero;
            var s31 = Vector512<double>.Zero;
            for (; i <= n - 16; i += 16)
            {
                var v0 = Vector512.LoadUnsafe(ref rs, (nuint)i);
                var v1 = Vector512.LoadUnsafe(ref rs, (nuint)(i + 8));
                s00 = Vector512.FusedMultiplyAdd(v0, Vector512.LoadUnsafe(ref r0, (nuint)i), s00);
                s01 = Vector512.FusedMultiplyAdd(v1, Vector512.LoadUnsafe(ref r0, (nuint)(i + 8)), s01);
                s10 = Vector512.FusedMultiplyAdd(v0, Vector512.LoadUnsafe(ref r1, (nuint)i), s10);
                s11 = Vector512.FusedMultiplyAdd(v1, Vector512.LoadUnsafe(ref r1, (nuint)(i + 8)), s11);
                s20 = Vector512.FusedMultiplyAdd(v0, Vector512.LoadUnsafe(ref r2, (nuint)i), s20);
                s21 = Vector512.FusedMultiplyAdd(v1, Vector512.LoadUnsafe(ref r2, (nuint)(i + 8)), s21);
                s30 = Vector512.FusedMultiplyAdd(v0, Vector512.LoadUnsafe(ref r3, (nuint)i), s30);
                s31 = Vector512.FusedMultiplyAdd(v1, Vector512.LoadUnsafe(ref r3, (nuint)(i + 8)), s31);
            }

            d0 = Vector512.Sum(s00 + s01);
            d1 = Vector512.Sum(s10 + s11);
            d2 = Vector512.Sum(s20 + s21);
            d3 = Vector512.Sum(s30 + s31);
        }
        else if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            VectorDot4(ref rs, ref r0, ref r1, ref r2, ref r3, n, ref i, out d0, out d1, out d2, out d3);
        }
        else
        {
            d0 = d1 = d2 = d3 = 0;
        }

        FinishDot4(ref rs, ref r0, ref r1, ref r2, ref r3, n, i, d0, d1, d2, d3, result);
    }

    // Dot4's and DotEach4's Vector<T> path: one accumulator per product, the shared vector on the left as in Dot
    // (a * b), so the same products and the same rounding.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VectorDot4(ref double rs, ref double r0, ref double r1, ref double r2, ref double r3, int n, ref int i,
        out double d0, out double d1, out double d2, out double d3)
    {
        var w = Vector<double>.Count;
        var s0 = Vector<double>.Zero;
        var s1 = Vector<double>.Zero;
        var s2 = Vector<double>.Zero;
        var s3 = Vector<double>.Zero;
        for (; i <= n - w; i += w)
        {
            var v = Vector.LoadUnsafe(ref rs, (nuint)i);
            s0 += v * Vector.LoadUnsafe(ref r0, (nuint)i);
            s1 += v * Vector.LoadUnsafe(ref r1, (nuint)i);
            s2 += v * Vector.LoadUnsafe(ref r2, (nuint)i);
            s3 += v * Vector.LoadUnsafe(ref r3, (nuint)i);
        }

        d0 = Vector.Sum(s0);
        d1 = Vector.Sum(s1);
        d2 = Vector.Sum(s2);
        d3 = Vector.Sum(s3);
    }

    // The scalar tail of the four dot products from position i, then the results.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishDot4(ref double rs, ref double r0, ref double r1, ref double r2, ref double r3, int n, int i,
        double d0, double d1, double d2, double d3, Span<double> result)
    {
        for (; i < n; i++)
        {
            var v = Unsafe.Add(ref rs, i);
            d0 += v * Unsafe.Add(ref r0, i);
            d1 += v * Unsafe.Add(ref r1, i);
            d2 += v * Unsafe.Add(ref r2, i);
            d3 += v * Unsafe.Add(ref r3, i);
        }

        result[0] = d0;
        result[1] = d1;
        result[2] = d2;
        result[3] = d3;
    }

    /// <summary>y_k += alpha_k * x for four vectors y_k sharing x, each rounded exactly as <see cref="Axpy"/> rounds it;
    /// x is loaded once for all four.</summary>
    public static void AxpyEach4(ReadOnlySpan<double> alphas, ReadOnlySpan<double> x, Span<double> y0, Span<double> y1, Span<double> y2,
        Span<double> y3)
    {
        var n = x.Length;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var r0 = ref MemoryMarshal.GetReference(y0);
        ref var r1 = ref MemoryMarshal.GetReference(y1);
        ref var r2 = ref MemoryMarshal.GetReference(y2);
        ref var r3 = ref MemoryMarshal.GetReference(y3);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var a0 = Vector512.Create(alphas[0]);
            var a1 = Vector512.Create(alphas[1]);
            var a2 = Vector512.Create(alphas[2]);
            var a3 = Vector512.Create(alphas[3]);
            for (; i <= n - 8; i += 8)
            {
                var v = Vector512.LoadUnsafe(ref rx, (nuint)i);
                Vector512.FusedMultiplyAdd(a0, v, Vector512.LoadUnsafe(ref r0, (nuint)i)).StoreUnsafe(ref r0, (nuint)i);
                Vector512.FusedMultiplyAdd(a1, v, Vector512.LoadUnsafe(ref r1, (nuint)i)).StoreUnsafe(ref r1, (nuint)i);
                Vector512.FusedMultiplyAdd(a2, v, Vector512.LoadUnsafe(ref r2, (nuint)i)).StoreUnsafe(ref r2, (nuint)i);
                Vector512.FusedMultiplyAdd(a3, v, Vector512.LoadUnsafe(ref r3, (nuint)i)).StoreUnsafe(ref r3, (nuint)i);
            }
        }
        else if (Vector.IsHardwareAccelerated)
        {
            var w = Vector<double>.Count;
            var a0 = new Vector<double>(alphas[0]);
            var a1 = new Vector<double>(alphas[1]);
            var a2 = new Vector<double>(alphas[2]);
            var a3 = new Vector<double>(alphas[3]);
            for (; i <= n - w; i += w)
            {
                var v = Vector.LoadUnsafe(ref rx, (nuint)i);
                (Vector.LoadUnsafe(ref r0, (nuint)i) + a0 * v).StoreUnsafe(ref r0, (nuint)i);
                (Vector.LoadUnsafe(ref r1, (nuint)i) + a1 * v).StoreUnsafe(ref r1, (nuint)i);
                (Vector.LoadUnsafe(ref r2, (nuint)i) + a2 * v).StoreUnsafe(ref r2, (nuint)i);
                (Vector.LoadUnsafe(ref r3, (nuint)i) + a3 * v).StoreUnsafe(ref r3, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var v = Unsafe.Add(ref rx, i);
            Unsafe.Add(ref r0, i) += alphas[0] * v;
            Unsafe.Add(ref r1, i) += alphas[1] * v;
            Unsafe.Add(ref r2, i) += alphas[2] * v;
            Unsafe.Add(ref r3, i) += alphas[3] * v;
        }
    }

    /// <summary>y += alpha * x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var n = x.Length;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var va = Vector512.Create(alpha);
            for (; i <= n - 8; i += 8)
            {
                Vector512.FusedMultiplyAdd(va, Vector512.LoadUnsafe(ref rx, (nuint)i), Vector512.LoadUnsafe(ref ry, (nuint)i))
                    .StoreUnsafe(ref ry, (nuint)i);
            }
        }
        else if (Vector.IsHardwareAccelerated)
        {
            var w = Vector<double>.Count;
            var va = new Vector<double>(alpha);
            for (; i <= n - w; i += w)
            {
                (Vector.LoadUnsafe(ref ry, (nuint)i) + va * Vector.LoadUnsafe(ref rx, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ry, i) += alpha * Unsafe.Add(ref rx, i);
        }
    }
}
