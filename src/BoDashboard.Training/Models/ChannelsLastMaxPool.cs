using static TorchSharp.torch;

namespace BoDashboard.Training.Models;

/// <summary>
/// Max pooling with exactly the output and gradient of <c>MaxPool2d</c>, computed through libtorch's channels-last
/// kernel. libtorch's kernel for ordinary (NCHW) tensors is scalar: in a profile of the preset trial its forward pass
/// took 16 % of all CPU time, more than every convolution together. The channels-last kernel is vectorised across
/// channels; the input is copied to that layout and the output back (both cheap next to the pooling). The backward pass
/// scatters the gradient to the forward pass's argmax indices, as libtorch's own backward does (sums where windows overlap).
/// </summary>
internal sealed class ChannelsLastMaxPool : autograd.SingleTensorFunction<ChannelsLastMaxPool>
{
    public override string Name => nameof(ChannelsLastMaxPool);

    /// <param name="vars">The input (N x C x H x W), then kernel, stride and padding as <c>long[]</c> pairs.</param>
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (input, kernel, stride, padding) = ((Tensor)vars[0], (long[])vars[1], (long[])vars[2], (long[])vars[3]);
        using var nhwc = input.permute(0, 2, 3, 1).contiguous();
        using var channelsLast = nhwc.permute(0, 3, 1, 2);
        var (pooled, indices) = nn.functional.max_pool2d_with_indices(channelsLast, kernel, stride, padding);
        using (pooled)
        using (indices)
        {
            ctx.save_for_backward([indices.contiguous()]);
            ctx.save_data("shape", input.shape);
            return pooled.contiguous();
        }
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad)
    {
        var indices = ctx.get_saved_variables()[0];
        var shape = (long[])ctx.get_data("shape");
        // The indices are positions within each H x W plane, whatever the memory layout of the forward pass.
        using var planes = zeros(shape[0], shape[1], shape[2] * shape[3], dtype: grad.dtype, device: grad.device);
        using var flatIndices = indices.view(shape[0], shape[1], -1);
        using var contiguousGrad = grad.contiguous();
        using var flatGrad = contiguousGrad.view(shape[0], shape[1], -1);
        planes.scatter_add_(2, flatIndices, flatGrad);
        // One gradient per argument of apply: the input's, then none for kernel, stride and padding.
        return [planes.view(shape), null!, null!, null!];
    }
}
