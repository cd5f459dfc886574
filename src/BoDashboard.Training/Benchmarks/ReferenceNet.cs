using BoDashboard.Training.Models;
using static TorchSharp.torch;

namespace BoDashboard.Training.Benchmarks;

/// <summary>One of the reference script's two benchmark set-ups: network, input shape, classes and batch size.</summary>
public sealed record ReferenceNet(string Name, int Channels, int ImageSize, int Classes, int BatchSize, Func<nn.Module<Tensor, Tensor>> Create)
{
    /// <summary>The script's "compact AlexNet 1x32x32 batch 128".</summary>
    public static ReferenceNet Compact { get; } = new("compact", 1, 32, 10, 128, () => ReferenceAlexNets.Compact());

    /// <summary>The script's "classic AlexNet 3x227x227 batch 16".</summary>
    public static ReferenceNet Classic { get; } = new("classic", 3, 227, 2, 16, () => ReferenceAlexNets.Classic());
}
