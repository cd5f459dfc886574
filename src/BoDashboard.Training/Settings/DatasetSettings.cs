namespace BoDashboard.Training.Settings;

/// <summary>Which images to train on and how to split them.</summary>
/// <param name="Kind">Fashion-MNIST (gzipped IDX files) or a folder of images.</param>
/// <param name="Path">
/// Folder holding the data. Null: for Fashion-MNIST the full set in /usr/share/datasets/fashion-mnist when the
/// Debian package is installed, else the subset shipped in the repository's data/fashion-mnist.
/// </param>
/// <param name="TrainSubsetSize">Use only the first N images of the training file (before the 80/20 split); null: all.</param>
/// <param name="ImageSize">Side in pixels that folder images are resized to (Fashion-MNIST is always 28).</param>
/// <param name="ValidationFraction">Share of the training images held out for validation (the tutorial: 0.2).</param>
/// <param name="TestFraction">For a folder without train/ and test/ subfolders: share held out as the test split.</param>
/// <param name="SplitSeed">Seeds the splits; kept apart from the training seed so every trial sees the same split.</param>
/// <param name="HorizontalFlip">Whether augmentation may mirror images (true for clothes and pets, false for text).</param>
public sealed record DatasetSettings(
    DatasetKind Kind = DatasetKind.FashionMnist,
    string? Path = null,
    int? TrainSubsetSize = null,
    int ImageSize = 64,
    double ValidationFraction = 0.2,
    double TestFraction = 0.2,
    int SplitSeed = 0,
    bool HorizontalFlip = true);
