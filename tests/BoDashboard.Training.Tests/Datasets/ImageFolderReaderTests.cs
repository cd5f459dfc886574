using BoDashboard.Training.Datasets;
using BoDashboard.Training.Settings;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace BoDashboard.Training.Tests.Datasets;

public sealed class ImageFolderReaderTests : IDisposable
{
    private static readonly Rgb24 Red = new(255, 0, 0);
    private static readonly Rgb24 Blue = new(0, 0, 255);
    private readonly string folder = Directory.CreateTempSubdirectory("image-folder-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ReadsOneSubfolderPerClassWithPngAndJpeg()
    {
        SaveImage(Path.Combine(folder, "cat", "a.png"), Red, 20, 10);
        SaveImage(Path.Combine(folder, "cat", "b.jpg"), Red, 8, 8);
        SaveImage(Path.Combine(folder, "dog", "c.jpeg"), Blue, 30, 30);

        var images = ImageFolderReader.Read(folder, 16);

        Assert.Equal(["cat", "dog"], images.ClassNames);
        Assert.Equal([0, 0, 1], images.Labels);
        Assert.Equal((3, 16, 16), (images.Channels, images.Height, images.Width));
        AssertColour(images, 1, Red);
        AssertColour(images, 2, Blue);
    }

    [Fact]
    public void ReadsTheAsirraNaming()
    {
        SaveImage(Path.Combine(folder, "dog.45.jpg"), Blue, 12, 12);
        SaveImage(Path.Combine(folder, "cat.123.png"), Red, 12, 12);
        SaveImage(Path.Combine(folder, "cat.7.jpg"), Red, 40, 20);

        var images = ImageFolderReader.Read(folder, 8);

        Assert.Equal(["cat", "dog"], images.ClassNames);
        Assert.Equal(3, images.Count);
        Assert.Equal([0, 0, 1], images.Labels);
        AssertColour(images, 0, Red);
        AssertColour(images, 2, Blue);
    }

    [Fact]
    public void ACorruptImageIsNamedInTheError()
    {
        SaveImage(Path.Combine(folder, "cat.1.png"), Red, 12, 12);
        var broken = Path.Combine(folder, "dog.2.jpg");
        File.WriteAllBytes(broken, [0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

        var error = Assert.Throws<DatasetFormatException>(() => ImageFolderReader.Read(folder, 8));

        Assert.Equal(broken, error.FilePath);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoaderSplitsAFolderIntoTrainValidationAndTest()
    {
        for (var i = 0; i < 10; i++)
        {
            SaveImage(Path.Combine(folder, $"cat.{i}.png"), Red, 10, 10);
            SaveImage(Path.Combine(folder, $"dog.{i}.png"), Blue, 10, 10);
        }

        var splits = DatasetLoader.Load(new DatasetSettings(DatasetKind.ImageFolder, folder, ImageSize: 12));

        Assert.Equal((4, 13, 3), (splits.Test.Count, splits.Train.Count, splits.Validation.Count));
        Assert.Same(splits, DatasetLoader.Load(new DatasetSettings(DatasetKind.ImageFolder, folder, ImageSize: 12)));
    }

    private static void SaveImage(string path, Rgb24 colour, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(width, height, colour);
        image.Save(path);
    }

    private static void AssertColour(ImageSet images, int index, Rgb24 colour)
    {
        var plane = images.Height * images.Width;
        var start = index * images.ImageSize;
        // JPEG is lossy: allow a small error in the centre pixel of each channel.
        var centre = plane / 2 + images.Width / 2;
        Assert.InRange(images.Pixels[start + centre], colour.R - 8, colour.R + 8);
        Assert.InRange(images.Pixels[start + plane + centre], colour.G - 8, colour.G + 8);
        Assert.InRange(images.Pixels[start + 2 * plane + centre], colour.B - 8, colour.B + 8);
    }
}
