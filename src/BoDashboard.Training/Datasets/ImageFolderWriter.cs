using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace BoDashboard.Training.Datasets;

/// <summary>
/// Writes an <see cref="ImageSet"/> as an image folder (one subfolder of PNG files per class) at a chosen size and
/// channel count, so the classic 227x227x3 AlexNet has a real dataset anyone can recreate from the shipped
/// Fashion-MNIST subset. Folder names start with the class index ("0-T-shirt-top", "1-Trouser", ...) so that the
/// reader's alphabetical class order gives back the original labels.
/// </summary>
public static class ImageFolderWriter
{
    public const int MinimumSize = 8;
    public const int MaximumSize = 1024;

    /// <summary>
    /// Writes the first <paramref name="perClass"/> images of every class of <paramref name="source"/> into
    /// <paramref name="folder"/> (created; it must not exist or be empty), resized to <paramref name="size"/> px with
    /// <paramref name="channels"/> channels (1: greyscale, 3: RGB). Reports the images written so far. Returns the
    /// number of images written per class name of the folder.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Write(
        ImageSet source, string folder, int size, int channels, int perClass, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Check(folder, size, channels, perClass);
        var chosen = Enumerable.Range(0, source.ClassNames.Count)
            .Select(label => (label, indices: Enumerable.Range(0, source.Count).Where(i => source.Labels[i] == label).Take(perClass).ToArray()))
            .ToArray();
        if (chosen.FirstOrDefault(c => c.indices.Length < perClass) is { indices: not null } lacking)
        {
            throw new ArgumentException(
                $"Class '{source.ClassNames[lacking.label]}' has only {lacking.indices.Length} images, fewer than --per-class {perClass}.");
        }
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        foreach (var (label, indices) in chosen)
        {
            var className = FolderName(label, source.ClassNames[label]);
            var classFolder = Directory.CreateDirectory(Path.Combine(folder, className)).FullName;
            foreach (var index in indices)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.Combine(classFolder, index.ToString("D5", CultureInfo.InvariantCulture) + ".png");
                if (channels == 1)
                    Save<L8>(source, index, size, path, value => new L8(value));
                else
                    Save<Rgb24>(source, index, size, path, value => new Rgb24(value, value, value));
                progress?.Report(++done);
            }
            written[className] = indices.Length;
        }
        return written;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with a message for the user when a setting is unusable.</summary>
    public static void Check(string folder, int size, int channels, int perClass)
    {
        if (size is < MinimumSize or > MaximumSize)
            throw new ArgumentException($"--size must be between {MinimumSize} and {MaximumSize} px (227 for the classic AlexNet), not {size}.");
        if (channels is not (1 or 3))
            throw new ArgumentException($"--channels must be 1 (greyscale) or 3 (RGB), not {channels}.");
        if (perClass < 1)
            throw new ArgumentException($"--per-class must be at least 1, not {perClass}.");
        if (File.Exists(folder))
            throw new ArgumentException($"{folder} is a file, not a folder.");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new ArgumentException($"{folder} already exists and is not empty; choose a new or empty folder.");
    }

    /// <summary>"3-Dress", "0-T-shirt-top": the class index first, then the name with path-unsafe characters replaced.</summary>
    public static string FolderName(int label, string className)
    {
        var safe = new string(className.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return $"{label.ToString(CultureInfo.InvariantCulture)}-{safe}";
    }

    // Source images are greyscale (Fashion-MNIST); an RGB copy repeats the grey value in every channel.
    private static void Save<TPixel>(ImageSet source, int index, int size, string path, Func<byte, TPixel> pixel)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var plane = source.Height * source.Width;
        var offset = (long)index * source.ImageSize;
        using var image = new Image<TPixel>(source.Width, source.Height);
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                // Mean over the source's channels: greyscale stays as it is, colour becomes its grey.
                var sum = 0;
                for (var c = 0; c < source.Channels; c++)
                    sum += source.Pixels[offset + (c * plane) + (y * source.Width) + x];
                image[x, y] = pixel((byte)(sum / source.Channels));
            }
        }
        if (size != source.Width || size != source.Height)
            image.Mutate(context => context.Resize(size, size));
        image.SaveAsPng(path);
    }
}
