using System.Runtime.ExceptionServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace BoDashboard.Training.Datasets;

/// <summary>
/// Reads labelled RGB images from a folder in either of two layouts: one subfolder per class
/// (<c>cat/1.jpg</c>), or the Asirra naming of the tutorial's dogs-vs-cats set (<c>cat.123.jpg</c>, <c>dog.45.jpg</c>),
/// and resizes every image to a square with ImageSharp.
/// </summary>
public static class ImageFolderReader
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp",
    };

    /// <summary>
    /// Reads every image under <paramref name="folder"/>. <paramref name="classNames"/> fixes the class order (so a
    /// test folder uses the training folder's labels); null: the classes found, sorted by name.
    /// </summary>
    public static ImageSet Read(string folder, int size, IReadOnlyList<string>? classNames = null)
    {
        if (!Directory.Exists(folder))
            throw new DatasetFormatException(folder, "image folder not found");
        var files = FindLabelledFiles(folder);
        if (files.Count == 0)
            throw new DatasetFormatException(folder, "no images found (expected class subfolders or files named like cat.1.jpg)");
        var classes = classNames ?? files.Select(f => f.ClassName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classIndex = classes.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var imageSize = 3 * size * size;
        var pixels = new byte[(long)files.Count * imageSize];
        var labels = new int[files.Count];
        // Decoding dominates loading time; images are independent, so decode them in parallel into fixed slots.
        try
        {
            Parallel.For(0, files.Count, i =>
            {
                var (path, className) = files[i];
                if (!classIndex.TryGetValue(className, out labels[i]))
                    throw new DatasetFormatException(path, $"class '{className}' is not one of {string.Join(", ", classes)}");
                Decode(path, size, pixels.AsSpan().Slice(checked((int)((long)i * imageSize)), imageSize));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<DatasetFormatException>().FirstOrDefault() is { } first)
        {
            // Surface the error that names the file, not the parallel loop's wrapper.
            ExceptionDispatchInfo.Throw(first);
        }
        return new ImageSet(pixels, labels, 3, size, size, classes);
    }

    private static List<(string Path, string ClassName)> FindLabelledFiles(string folder)
    {
        var subfolders = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray();
        var byFolder = subfolders
            .SelectMany(sub => ImagesIn(sub).Select(path => (path, Path.GetFileName(sub))))
            .ToList();
        if (byFolder.Count > 0)
            return byFolder;
        // Asirra naming: the class is the file name up to the first dot.
        return ImagesIn(folder)
            .Where(path => Path.GetFileName(path).IndexOf('.', StringComparison.Ordinal) is > 0 and var dot
                && dot < Path.GetFileNameWithoutExtension(path).Length)
            .Select(path => (path, Path.GetFileName(path)[..Path.GetFileName(path).IndexOf('.', StringComparison.Ordinal)]))
            .ToList();
    }

    private static IEnumerable<string> ImagesIn(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(path => Extensions.Contains(Path.GetExtension(path)))
            .Order(StringComparer.Ordinal);

    private static void Decode(string path, int size, Span<byte> chw)
    {
        Image<Rgb24> image;
        try
        {
            image = Image.Load<Rgb24>(path);
        }
        catch (Exception e) when (e is ImageFormatException or IOException or NotSupportedException)
        {
            throw new DatasetFormatException(path, $"cannot decode the image ({e.Message})", e);
        }
        using (image)
        {
            image.Mutate(x => x.Resize(size, size));
            var plane = size * size;
            var rgb = new Rgb24[plane];
            image.CopyPixelDataTo(rgb);
            for (var i = 0; i < plane; i++)
            {
                chw[i] = rgb[i].R;
                chw[plane + i] = rgb[i].G;
                chw[2 * plane + i] = rgb[i].B;
            }
        }
    }
}
