namespace BoDashboard.Training.Datasets;

/// <summary>Fashion-MNIST as four gzipped IDX files under one folder, with the file names the dataset ships with.</summary>
public static class FashionMnist
{
    public const string TrainImagesFile = "train-images-idx3-ubyte.gz";
    public const string TrainLabelsFile = "train-labels-idx1-ubyte.gz";
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Whether <paramref name="folder"/> holds all four files.</summary>
    public static bool IsPresentIn(string folder) =>
        new[] { TrainImagesFile, TrainLabelsFile, TestImagesFile, TestLabelsFile }
            .All(file => File.Exists(Path.Combine(folder, file)));

    /// <summary>The training images (the first <paramref name="trainLimit"/> only, when given) and the test images.</summary>
    public static (ImageSet Train, ImageSet Test) Read(string folder, int? trainLimit = null)
    {
        var train = ReadPair(Path.Combine(folder, TrainImagesFile), Path.Combine(folder, TrainLabelsFile));
        var test = ReadPair(Path.Combine(folder, TestImagesFile), Path.Combine(folder, TestLabelsFile));
        return (trainLimit is { } limit ? train.Take(limit) : train, test);
    }

    /// <summary>One image file (N x rows x columns) with its label file (N), checked against each other.</summary>
    public static ImageSet ReadPair(string imagesPath, string labelsPath)
    {
        var images = IdxReader.Read(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        if (images.Dimensions.Count != 3)
            throw new DatasetFormatException(imagesPath, $"expected 3 dimensions (count, rows, columns), found {images.Dimensions.Count}");
        if (labels.Dimensions.Count != 1 || labels.Count != images.Count)
            throw new DatasetFormatException(labelsPath, $"expected {images.Count} labels to match {imagesPath}, found {labels.Count}");
        var classes = labels.Data.Max() + 1 > ClassNames.Count
            ? Enumerable.Range(0, labels.Data.Max() + 1).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : ClassNames;
        return new ImageSet(images.Data, labels.Data.Select(label => (int)label).ToArray(), 1, images.Dimensions[1], images.Dimensions[2], classes);
    }
}
