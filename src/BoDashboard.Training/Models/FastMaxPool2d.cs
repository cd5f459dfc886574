using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Models;

/// <summary>
/// <c>MaxPool2d(kernel, stride, padding)</c> with the same outputs and gradients, several times faster on the CPU
/// (<see cref="ChannelsLastMaxPool"/>). Without gradients (evaluation) it needs no indices and pools channels-last
/// directly. On other devices it is the ordinary layer.
/// </summary>
public sealed class FastMaxPool2d : Module<Tensor, Tensor>
{
    private readonly long[] kernel;
    private readonly long[] stride;
    private readonly long[] padding;

    public FastMaxPool2d(long kernelSize, long stride, long padding = 0) : base(nameof(FastMaxPool2d))
    {
        kernel = [kernelSize, kernelSize];
        this.stride = [stride, stride];
        this.padding = [padding, padding];
    }

    public override Tensor forward(Tensor input)
    {
        // A channels-last input already suits libtorch's vectorised kernels, forward and backward.
        if (input.device_type != DeviceType.CPU || input.dim() != 4 || ChannelsLast.Is(input))
            return functional.max_pool2d(input, kernel, stride, padding);
        if (input.requires_grad && is_grad_enabled())
            return ChannelsLastMaxPool.apply(input, kernel, stride, padding);
        using var nhwc = input.permute(0, 2, 3, 1).contiguous();
        using var channelsLast = nhwc.permute(0, 3, 1, 2);
        using var pooled = functional.max_pool2d(channelsLast, kernel, stride, padding);
        return pooled.contiguous();
    }
}
