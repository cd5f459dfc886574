namespace BoDashboard.Training.Datasets;

/// <summary>
/// Labelled images held in memory as bytes, channel-major per image (N x C x H x W), so a process can keep a
/// dataset decoded once and reuse it across many trials.
/// </summary>
public sealed class ImageSet
{
    public ImageSet(byte[] pixels, int[] labels, int channels, int height, int width, IReadOnlyList<string> classNames)
    {
        if (pixels.Length != (long)labels.Length * channels * height * width)
            throw new ArgumentException("Pixel count does not match labels x channels x height x width.", nameof(pixels));
        if (labels.Any(label => label < 0 || label >= classNames.Count))
            throw new ArgumentException("A label is outside the class list.", nameof(labels));
        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassNames = classNames;
    }

    public byte[] Pixels { get; }

    public int[] Labels { get; }

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public int Count => Labels.Length;

    public int ImageSize => Channels * Height * Width;

    /// <summary>The images at the given positions, in that order.</summary>
    public ImageSet Select(IReadOnlyList<int> indices)
    {
        var pixels = new byte[(long)indices.Count * ImageSize];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Array.Copy(Pixels, (long)indices[i] * ImageSize, pixels, (long)i * ImageSize, ImageSize);
            labels[i] = Labels[indices[i]];
        }
        return new ImageSet(pixels, labels, Channels, Height, Width, ClassNames);
    }

    /// <summary>The first <paramref name="count"/> images (all when there are fewer).</summary>
    public ImageSet Take(int count) => Select(Enumerable.Range(0, Math.Min(count, Count)).ToArray());

    /// <summary>This set followed by <paramref name="other"/> (same shape and classes).</summary>
    public ImageSet Concat(ImageSet other)
    {
        if (other.ImageSize != ImageSize || !other.ClassNames.SequenceEqual(ClassNames))
            throw new ArgumentException("Image sets of different shapes or classes cannot be joined.", nameof(other));
        return new ImageSet([.. Pixels, .. other.Pixels], [.. Labels, .. other.Labels], Channels, Height, Width, ClassNames);
    }
}
