using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Models;

/// <summary>
/// The first layer of a convolutional net that runs channels-last on the CPU (<see cref="ChannelsLast"/>): it passes
/// on a channels-last copy of the input batch. Measured on the classic AlexNet at 2 threads, the net then needs no
/// layout copies around its poolings and fewer oneDNN reorders. Other devices get the input unchanged.
/// </summary>
public sealed class ChannelsLastInput() : Module<Tensor, Tensor>(nameof(ChannelsLastInput))
{
    public override Tensor forward(Tensor input) =>
        input.device_type == DeviceType.CPU && input.dim() == 4 && !ChannelsLast.Is(input)
            ? ChannelsLast.From(input)
            : input.alias();
}
