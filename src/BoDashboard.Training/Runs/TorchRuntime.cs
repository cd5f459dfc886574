using BoDashboard.Training.Settings;
using TorchSharp;
using static TorchSharp.torch;

namespace BoDashboard.Training.Runs;

/// <summary>Process-wide torch state a run depends on: thread count, native heap, device and seeds.</summary>
internal static class TorchRuntime
{
    /// <summary>Sets torch's intra-op thread count: all cores unless told otherwise (oversubscription is ~12x slower); in a
    /// training run without a configured count, <see cref="ThreadGovernor"/> then adjusts it from the measured speed.</summary>
    public static int ConfigureThreads(int? threads)
    {
        NativeHeap.KeepFreedBlocks();
        var count = threads ?? Environment.ProcessorCount;
        if (torch.get_num_threads() != count)
            torch.set_num_threads(count);
        return count;
    }

    public static Device ResolveDevice(DeviceKind kind) => kind switch
    {
        DeviceKind.Cpu => CPU,
        DeviceKind.Cuda when !cuda.is_available() =>
            throw new InvalidOperationException("Device 'cuda' was requested but torch reports no CUDA device (is the TorchSharp-cuda package in use?)."),
        DeviceKind.Cuda => CUDA,
        _ => cuda.is_available() ? CUDA : CPU,
    };

    public static void Seed(int seed, Device device)
    {
        torch.manual_seed(seed);
        if (device.type == DeviceType.CUDA)
            torch.cuda.manual_seed_all(seed);
    }
}
