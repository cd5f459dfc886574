using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Models;

/// <summary>
/// The two networks of the PyTorch reference script (Benchmarks/Reference/torch_alexnet_bench.py), layer for layer:
/// same widths, kernels, strides, paddings, dropout and torch's default initialisation. They exist only so that
/// <c>bench training --reference</c> compares TorchSharp and PyTorch on identical work. The product's nets differ
/// (batch normalisation and He initialisation in the compact net, an adaptive pooling in the classic one).
/// </summary>
public static class ReferenceAlexNets
{
    /// <summary>The script's <c>compact()</c>: AlexNet's widths 64/192/384/256/256 scaled by 1/4, fc 512, for 32 px inputs.</summary>
    public static Module<Tensor, Tensor> Compact(int channels = 1, int classes = 10, double widthScale = 0.25)
    {
        var ch = new[] { 64, 192, 384, 256, 256 }.Select(width => (int)(width * widthScale)).ToArray();
        return Sequential(
            Conv2d(channels, ch[0], 3, padding: 1), ReLU(), new FastMaxPool2d(2, stride: 2),
            Conv2d(ch[0], ch[1], 3, padding: 1), ReLU(), new FastMaxPool2d(2, stride: 2),
            Conv2d(ch[1], ch[2], 3, padding: 1), ReLU(),
            Conv2d(ch[2], ch[3], 3, padding: 1), ReLU(),
            Conv2d(ch[3], ch[4], 3, padding: 1), ReLU(), new FastMaxPool2d(2, stride: 2),
            Flatten(), Dropout(0.5), Linear(ch[4] * 16, 512), ReLU(), Dropout(0.5),
            Linear(512, 512), ReLU(), Linear(512, classes));
    }

    /// <summary>
    /// The script's <c>classic()</c>: the 227x227x3 AlexNet, 2 classes. Like the product's <see cref="ClassicAlexNet"/>
    /// it runs channels-last (<see cref="ChannelsLastInput"/>: the same values, computed without layout copies).
    /// </summary>
    public static Module<Tensor, Tensor> Classic(int classes = 2) =>
        Sequential(
            new ChannelsLastInput(),
            Conv2d(3, 96, 11, stride: 4), ReLU(), new FastMaxPool2d(3, stride: 2),
            Conv2d(96, 256, 5, padding: 2), ReLU(), new FastMaxPool2d(3, stride: 2),
            Conv2d(256, 384, 3, padding: 1), ReLU(),
            Conv2d(384, 384, 3, padding: 1), ReLU(),
            Conv2d(384, 256, 3, padding: 1), ReLU(), new FastMaxPool2d(3, stride: 2),
            Flatten(), Dropout(0.5), Linear(256 * 6 * 6, 4096), ReLU(), Dropout(0.5),
            Linear(4096, 4096), ReLU(), Linear(4096, classes));
}
