using System.IO.Compression;

namespace BoDashboard.Training.Datasets;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/): a big-endian header
/// (two zero bytes, a type byte, a dimension count, the dimensions) followed by the values, optionally gzipped.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;

    public static IdxArray Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
                bytes = Gunzip(bytes);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, $"cannot read the IDX file ({e.Message})", e);
        }
        return Parse(path, bytes);
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        input.CopyTo(output);
        return output.ToArray();
    }

    private static IdxArray Parse(string path, byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw new DatasetFormatException(path, "not an IDX file (bad magic number)");
        if (bytes[2] != UnsignedByteType)
            throw new DatasetFormatException(path, $"IDX value type 0x{bytes[2]:x2} is not supported (only unsigned bytes)");
        int dimensionCount = bytes[3];
        var dataStart = 4 + 4 * dimensionCount;
        if (dimensionCount == 0 || bytes.Length < dataStart)
            throw new DatasetFormatException(path, "truncated IDX header");
        var dimensions = new int[dimensionCount];
        long expected = 1;
        for (var i = 0; i < dimensionCount; i++)
        {
            var at = 4 + 4 * i;
            dimensions[i] = bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];
            if (dimensions[i] <= 0)
                throw new DatasetFormatException(path, $"IDX dimension {i} is {dimensions[i]}");
            expected *= dimensions[i];
        }
        var actual = bytes.Length - dataStart;
        if (actual != expected)
        {
            throw new DatasetFormatException(path, actual < expected
                ? $"truncated: the header announces {expected} values, the file holds {actual}"
                : $"{actual - expected} bytes after the {expected} values the header announces");
        }
        return new IdxArray(dimensions, bytes[dataStart..]);
    }
}
