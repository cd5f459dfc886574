using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Models;

/// <summary>
/// AlexNet's shape for 28-64 px inputs: five 3x3 convolutions, each followed by batch normalisation, with
/// overlapping 3/2 max pooling after the first, second and fifth, then three fully connected layers with dropout before the first two. Channels follow
/// AlexNet's proportions (96, 256, 384, 384, 256 ~ w, 3w, 4w, 4w, 3w) from a configurable width w.
/// </summary>
public sealed class CompactAlexNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> features;
    private readonly Module<Tensor, Tensor> classifier;

    public CompactAlexNet(int inputChannels, int imageSize, int classes, int width = 12, double dropout = 0.5)
        : base(nameof(CompactAlexNet))
    {
        if (imageSize < 8)
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "The compact AlexNet needs at least 8 px.");
        int c1 = width, c2 = 3 * width, c3 = 4 * width, c4 = 4 * width, c5 = 3 * width, hidden = 16 * width;
        features = Sequential(
            ("conv1", Conv2d(inputChannels, c1, 3, padding: 1)), ("norm1", Norm(c1)), ("relu1", ReLU(inplace: true)), ("pool1", Pool()),
            ("conv2", Conv2d(c1, c2, 3, padding: 1)), ("norm2", Norm(c2)), ("relu2", ReLU(inplace: true)), ("pool2", Pool()),
            ("conv3", Conv2d(c2, c3, 3, padding: 1)), ("norm3", Norm(c3)), ("relu3", ReLU(inplace: true)),
            ("conv4", Conv2d(c3, c4, 3, padding: 1)), ("norm4", Norm(c4)), ("relu4", ReLU(inplace: true)),
            ("conv5", Conv2d(c4, c5, 3, padding: 1)), ("norm5", Norm(c5)), ("relu5", ReLU(inplace: true)), ("pool5", Pool()));
        var side = PooledSide(PooledSide(PooledSide(imageSize)));
        classifier = Sequential(
            ("drop6", Dropout(dropout)), ("fc6", Linear(c5 * side * side, hidden)), ("relu6", ReLU(inplace: true)),
            ("drop7", Dropout(dropout)), ("fc7", Linear(hidden, hidden)), ("relu7", ReLU(inplace: true)),
            ("fc8", Linear(hidden, classes)));
        RegisterComponents();
        HeInitialization.Apply(this);
    }

    public override Tensor forward(Tensor input)
    {
        using var featureMaps = features.forward(input);
        using var flat = featureMaps.flatten(1);
        return classifier.forward(flat);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            features.Dispose();
            classifier.Dispose();
        }
        base.Dispose(disposing);
    }

    // Batch normalisation after each convolution lets SGD at the tutorial's learning rate 0.01 learn within a few
    // epochs. The step counter is dropped: with a fixed momentum it is unused, and TorchSharp's BatchNorm bumps it with
    // a temporary Scalar that a garbage collection can free mid-call ("Unknown scalar type", see MomentumSgd).
    private static Module<Tensor, Tensor> Norm(int channels)
    {
        var norm = BatchNorm2d(channels);
        norm.num_batches_tracked = null;
        return norm;
    }

    // AlexNet's overlapping pooling; padding 1 keeps the border so 28 px goes 14, 7, 4.
    private static Module<Tensor, Tensor> Pool() => new FastMaxPool2d(3, stride: 2, padding: 1);

    private static int PooledSide(int side) => (side - 1) / 2 + 1;
}
