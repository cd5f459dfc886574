using BoDashboard.Training.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace BoDashboard.Training.Runs;

/// <summary>
/// Turns images of an <see cref="ImageSet"/> into a float batch: scaled to [0, 1], the training set's mean image
/// subtracted (as in the tutorial), divided by the training set's pixel standard deviation (unit-scale inputs let SGD
/// at the tutorial's learning rate make progress within a few epochs) and, when augmenting, randomly shifted within a
/// zero padding and mirrored.
/// Done in managed code with a seeded <see cref="Random"/> so augmentation is reproducible for a seed.
/// </summary>
internal sealed class BatchBuilder
{
    private readonly ImageSet images;
    private readonly float[] mean;
    private readonly float scale;
    private readonly Device device;
    private readonly int padding;
    private readonly bool flip;

    public BatchBuilder(ImageSet images, Normalization normalization, Device device, bool horizontalFlip)
    {
        this.images = images;
        mean = normalization.Mean;
        scale = 1f / normalization.Std;
        this.device = device;
        flip = horizontalFlip;
        // About a tenth of the side: 2 px for 28 px Fashion-MNIST, 6 for 64 px, 22 for 227 px.
        padding = Math.Max(1, images.Width / 12);
    }

    /// <summary>Builds inputs (N x C x H x W) and labels (N) for the given image positions.</summary>
    public (Tensor Inputs, Tensor Labels) Build(ReadOnlySpan<int> indices, Random? augmentation)
    {
        int channels = images.Channels, height = images.Height, width = images.Width, size = images.ImageSize;
        var data = new float[indices.Length * size];
        var labels = new long[indices.Length];
        for (var n = 0; n < indices.Length; n++)
        {
            labels[n] = images.Labels[indices[n]];
            var source = (long)indices[n] * size;
            var target = n * size;
            int dy = 0, dx = 0;
            var mirror = false;
            if (augmentation is not null)
            {
                dy = augmentation.Next(-padding, padding + 1);
                dx = augmentation.Next(-padding, padding + 1);
                mirror = flip && augmentation.Next(2) == 1;
            }
            for (var c = 0; c < channels; c++)
            {
                for (var y = 0; y < height; y++)
                {
                    var sy = y + dy;
                    for (var x = 0; x < width; x++)
                    {
                        var sx = (mirror ? width - 1 - x : x) + dx;
                        var at = (c * height + y) * width + x;
                        var raw = sy >= 0 && sy < height && sx >= 0 && sx < width
                            ? images.Pixels[source + (c * height + sy) * width + sx] / 255f
                            : 0f;
                        data[target + at] = (raw - mean[at]) * scale;
                    }
                }
            }
        }
        var inputs = tensor(data, [indices.Length, channels, height, width]);
        var targets = tensor(labels);
        return device.type == DeviceType.CPU ? (inputs, targets) : (inputs.to(device), targets.to(device));
    }
}
