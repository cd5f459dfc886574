using System.IO.Compression;
using BoDashboard.Training.Datasets;

namespace BoDashboard.Training.Tests.Datasets;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("idx-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsAHandMadeFile(bool gzipped)
    {
        // Two 2x3 images: magic 0x00000803, then the dimensions 2, 2, 3 big-endian, then 12 values.
        byte[] file = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255];
        var path = Write("images", file, gzipped);

        var array = IdxReader.Read(path);

        Assert.Equal([2, 2, 3], array.Dimensions);
        Assert.Equal(2, array.Count);
        Assert.Equal(6, array.ItemSize);
        Assert.Equal(file[16..], array.Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ATruncatedFileIsNamedInTheError(bool gzipped)
    {
        byte[] file = [0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3];
        var path = Write("labels", file, gzipped);

        var error = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptGzipStreamIsNamedInTheError()
    {
        var whole = Gzip([0, 0, 8, 1, 0, 0, 0, 200, .. new byte[200]]);
        var path = Path.Combine(folder, "cut.gz");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var error = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotIdxIsRefused()
    {
        var path = Write("text", "hello, world"u8.ToArray(), gzipped: false);

        var error = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(path));

        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsThatDoNotMatchTheImagesAreRefused()
    {
        var images = Write("images", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 7, 9], gzipped: true);
        var labels = Write("labels", [0, 0, 8, 1, 0, 0, 0, 3, 0, 1, 2], gzipped: true);

        var error = Assert.Throws<DatasetFormatException>(() => FashionMnist.ReadPair(images, labels));

        Assert.Equal(labels, error.FilePath);
    }

    private string Write(string name, byte[] content, bool gzipped)
    {
        var path = Path.Combine(folder, name + (gzipped ? ".gz" : ".idx"));
        File.WriteAllBytes(path, gzipped ? Gzip(content) : content);
        return path;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            gzip.Write(content);
        return output.ToArray();
    }
}
