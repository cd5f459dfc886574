using static TorchSharp.torch;

namespace BoDashboard.Training.Models;

/// <summary>
/// The channels-last (NHWC) memory layout of 4-D tensors, which TorchSharp has no <c>memory_format</c> conversion for.
/// A channels-last tensor keeps its N x C x H x W shape; only its strides differ, so every operation computes the same
/// values. libtorch's oneDNN convolutions keep a channels-last input's layout in their output, and its pooling kernels
/// are vectorised for it, so a net fed channels-last stays so without layout copies between its layers.
/// </summary>
public static class ChannelsLast
{
    /// <summary>True when <paramref name="tensor"/> is 4-D and laid out channels-last (dense, channels fastest).</summary>
    public static bool Is(Tensor tensor)
    {
        if (tensor.dim() != 4)
            return false;
        var (channels, width) = (tensor.shape[1], tensor.shape[3]);
        return tensor.stride(1) == 1 && tensor.stride(3) == channels && tensor.stride(2) == channels * width
               && tensor.stride(0) == channels * width * tensor.shape[2];
    }

    /// <summary>A channels-last copy of a 4-D tensor (the same values and shape).</summary>
    public static Tensor From(Tensor tensor)
    {
        using var nhwc = tensor.permute(0, 2, 3, 1).contiguous();
        return nhwc.permute(0, 3, 1, 2);
    }
}
