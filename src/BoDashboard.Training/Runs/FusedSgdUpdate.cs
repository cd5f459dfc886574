using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace BoDashboard.Training.Runs;

/// <summary>
/// The momentum-SGD update of <see cref="MomentumSgd"/> in one pass over the memory: buf = momentum * buf + grad;
/// buf += weightDecay * p; p += negativeRate * buf. libtorch's four in-place ops read and write the classic AlexNet's 58M
/// parameters eleven times per step (about 55 ms of a 700 ms step); one pass reads three arrays and writes two (about
/// 30 ms). It rounds exactly as those ops do on this CPU (the product first, then the sum; fused multiply-adds where
/// libtorch's vectorised add with alpha uses them), so a seeded run gives the same weights either way.
/// </summary>
internal static class FusedSgdUpdate
{
    /// <summary>Elements per parallel chunk: 4 MB of floats, large enough that a chunk outweighs scheduling it.</summary>
    private const int ChunkElements = 1 << 20;

    /// <summary>Applies the update when all three tensors are contiguous float32 on the CPU and the CPU has FMA; returns
    /// false without touching anything otherwise, so the caller falls back to libtorch's ops.</summary>
    public static bool TryApply(Tensor parameter, Tensor gradient, Tensor buffer, float momentum, float weightDecay, float negativeRate)
    {
        if (!Fma.IsSupported || !Vector256.IsHardwareAccelerated)
            return false;
        foreach (var tensor in (ReadOnlySpan<Tensor>)[parameter, gradient, buffer])
        {
            if (tensor.device_type != DeviceType.CPU || tensor.dtype != ScalarType.Float32 || !tensor.is_contiguous())
                return false;
        }
        var count = parameter.numel();
        if (gradient.numel() != count || buffer.numel() != count || count > int.MaxValue / sizeof(float))
            return false;
        var n = (int)count;
        var chunks = (n + ChunkElements - 1) / ChunkElements;
        var update = new Update(parameter, gradient, buffer, momentum, weightDecay, negativeRate);
        if (chunks == 1)
        {
            update.Run(0, n);
        }
        else
        {
            // As many workers as torch may use, so a governed single-threaded trial stays single-threaded.
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, get_num_threads()) };
            Parallel.For(0, chunks, options, chunk => update.Run(chunk * ChunkElements, Math.Min(n, (chunk + 1) * ChunkElements)));
        }
        return true;
    }

    private sealed class Update(Tensor parameter, Tensor gradient, Tensor buffer, float momentum, float weightDecay, float negativeRate)
    {
        public void Run(int from, int to)
        {
            var p = MemoryMarshal.Cast<byte, float>(parameter.bytes);
            var g = MemoryMarshal.Cast<byte, float>(gradient.bytes);
            var b = MemoryMarshal.Cast<byte, float>(buffer.bytes);
            var decays = weightDecay != 0;
            var vMomentum = Vector256.Create(momentum);
            var vDecay = Vector256.Create(weightDecay);
            var vRate = Vector256.Create(negativeRate);
            var i = from;
            for (; i + Vector256<float>.Count <= to; i += Vector256<float>.Count)
            {
                var vp = Vector256.Create(p.Slice(i, Vector256<float>.Count));
                // Two roundings, as mul_ then add_: the JIT does not contract a * b + c.
                var vb = Vector256.Create(b.Slice(i, Vector256<float>.Count)) * vMomentum + Vector256.Create(g.Slice(i, Vector256<float>.Count));
                if (decays)
                    vb = Fma.MultiplyAdd(vp, vDecay, vb);
                vb.CopyTo(b.Slice(i, Vector256<float>.Count));
                Fma.MultiplyAdd(vb, vRate, vp).CopyTo(p.Slice(i, Vector256<float>.Count));
            }
            for (; i < to; i++)
            {
                var value = b[i] * momentum + g[i];
                if (decays)
                    value = MathF.FusedMultiplyAdd(p[i], weightDecay, value);
                b[i] = value;
                p[i] = MathF.FusedMultiplyAdd(value, negativeRate, p[i]);
            }
        }
    }
}
