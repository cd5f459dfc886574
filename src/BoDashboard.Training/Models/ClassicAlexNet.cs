using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Models;

/// <summary>
/// The tutorial's AlexNet (Krizhevsky et al. 2012) for 227x227 inputs: convolutions 96@11x11/4, 256@5x5, 384, 384,
/// 256 @3x3 with overlapping 3/2 max pooling, then 4096, 4096 and one output per class, dropout before the first two
/// fully connected layers. An adaptive pooling to 6x6 (as in torchvision) lets slightly different sizes work too. The
/// convolutions run channels-last on the CPU (<see cref="ChannelsLastInput"/>); the layer has no parameters, so saved
/// weights are the same as without it.
/// </summary>
public sealed class ClassicAlexNet : Module<Tensor, Tensor>
{
    /// <summary>The smallest input side the convolution and pooling stack accepts.</summary>
    public const int MinimumImageSize = 63;

    private readonly Module<Tensor, Tensor> features;
    private readonly Module<Tensor, Tensor> pool;
    private readonly Module<Tensor, Tensor> classifier;

    public ClassicAlexNet(int inputChannels, int classes, double dropout = 0.5)
        : base(nameof(ClassicAlexNet))
    {
        features = Sequential(
            ("layout", new ChannelsLastInput()),
            ("conv1", Conv2d(inputChannels, 96, 11, stride: 4)), ("relu1", ReLU(inplace: true)), ("pool1", new FastMaxPool2d(3, stride: 2)),
            ("conv2", Conv2d(96, 256, 5, padding: 2)), ("relu2", ReLU(inplace: true)), ("pool2", new FastMaxPool2d(3, stride: 2)),
            ("conv3", Conv2d(256, 384, 3, padding: 1)), ("relu3", ReLU(inplace: true)),
            ("conv4", Conv2d(384, 384, 3, padding: 1)), ("relu4", ReLU(inplace: true)),
            ("conv5", Conv2d(384, 256, 3, padding: 1)), ("relu5", ReLU(inplace: true)), ("pool5", new FastMaxPool2d(3, stride: 2)));
        pool = AdaptiveAvgPool2d(6);
        classifier = Sequential(
            ("drop6", Dropout(dropout)), ("fc6", Linear(256 * 6 * 6, 4096)), ("relu6", ReLU(inplace: true)),
            ("drop7", Dropout(dropout)), ("fc7", Linear(4096, 4096)), ("relu7", ReLU(inplace: true)),
            ("fc8", Linear(4096, classes)));
        RegisterComponents();
        HeInitialization.Apply(this);
    }

    public override Tensor forward(Tensor input)
    {
        using var featureMaps = features.forward(input);
        using var pooled = pool.forward(featureMaps);
        using var flat = pooled.flatten(1);
        return classifier.forward(flat);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            features.Dispose();
            pool.Dispose();
            classifier.Dispose();
        }
        base.Dispose(disposing);
    }
}
