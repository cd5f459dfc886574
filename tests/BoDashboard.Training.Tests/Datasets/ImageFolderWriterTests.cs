using BoDashboard.Training.Datasets;
using SixLabors.ImageSharp;

namespace BoDashboard.Training.Tests.Datasets;

public sealed class ImageFolderWriterTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("image-folder-writer-tests-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static ImageSet ShippedTestImages() => FashionMnist.Read(DataPaths.ShippedFashionMnistFolder()).Test;

    [Theory]
    [InlineData(3, 24)]
    [InlineData(1, 8)]
    public void WritesPerClassPngsOfTheRequestedSizeAndChannels(int channels, int bitsPerPixel)
    {
        var folder = Path.Combine(root, "out");

        var written = ImageFolderWriter.Write(ShippedTestImages(), folder, 40, channels, 2);

        var classFolders = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(10, classFolders.Length);
        Assert.All(written.Values, count => Assert.Equal(2, count));
        foreach (var classFolder in classFolders)
        {
            var files = Directory.GetFiles(classFolder, "*.png");
            Assert.Equal(2, files.Length);
            foreach (var file in files)
            {
                var info = Image.Identify(file);
                Assert.Equal((40, 40, bitsPerPixel), (info.Width, info.Height, info.PixelType.BitsPerPixel));
            }
        }
    }

    [Fact]
    public void TheReaderGetsTheOriginalLabelsBack()
    {
        var source = ShippedTestImages();
        var folder = Path.Combine(root, "out");
        ImageFolderWriter.Write(source, folder, 28, 3, 3);

        var images = ImageFolderReader.Read(folder, 28);

        Assert.Equal(30, images.Count);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(label => Enumerable.Repeat(label, 3)), images.Labels);
        for (var label = 0; label < 10; label++)
            Assert.Equal(ImageFolderWriter.FolderName(label, source.ClassNames[label]), images.ClassNames[label]);
        // At the source's own size the pixels come back unchanged: the first image of class 0 is the source's first.
        var first = Array.IndexOf(source.Labels, 0);
        var original = source.Pixels.AsSpan(first * source.ImageSize, source.ImageSize).ToArray();
        var plane = 28 * 28;
        for (var channel = 0; channel < 3; channel++)
            Assert.Equal(original, images.Pixels.AsSpan(channel * plane, plane).ToArray());
    }

    [Fact]
    public void FolderNamesAreSafeAndKeepTheLabelOrder()
    {
        Assert.Equal("0-T-shirt-top", ImageFolderWriter.FolderName(0, "T-shirt/top"));
        Assert.Equal("9-Ankle-boot", ImageFolderWriter.FolderName(9, "Ankle boot"));
    }

    [Theory]
    [InlineData(4, 3, 1, "--size")]
    [InlineData(2000, 3, 1, "--size")]
    [InlineData(32, 2, 1, "--channels")]
    [InlineData(32, 3, 0, "--per-class")]
    public void BadSettingsAreRefusedWithAMessage(int size, int channels, int perClass, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageFolderWriter.Write(ShippedTestImages(), Path.Combine(root, "out"), size, channels, perClass));

        Assert.StartsWith(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonEmptyFolderIsRefusedAndLeftAlone()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "full")).FullName;
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");

        var error = Assert.Throws<ArgumentException>(() => ImageFolderWriter.Write(ShippedTestImages(), folder, 32, 3, 1));

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void AskingForMoreImagesThanAClassHasIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageFolderWriter.Write(ShippedTestImages(), Path.Combine(root, "out"), 28, 1, 100_000));

        Assert.Contains("fewer than --per-class", error.Message, StringComparison.Ordinal);
    }
}
