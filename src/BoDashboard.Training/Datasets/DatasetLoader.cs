using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Datasets;

/// <summary>
/// Loads and splits a dataset once per process: a study runs dozens of trials in one process, and decoding the
/// images again for each would cost more than some trials. Splits are seeded by <see cref="DatasetSettings.SplitSeed"/>
/// only, so every trial of a study sees the same train, validation and test images. The cache keeps the 4 most
/// recently used datasets within 1 GiB of pixels: a long-lived worker that trains on many image folders does not keep
/// every one it ever loaded.
/// </summary>
public static class DatasetLoader
{
    public const int MaxCachedDatasets = 4;
    public const long MaxCachedBytes = 1L << 30;

    /// <summary>The loaded datasets, least recently used dropped first.</summary>
    public static BoundedCache<DatasetSplits> Cache { get; } = new(MaxCachedDatasets, MaxCachedBytes, SizeOf);

    public static DatasetSplits Load(DatasetSettings settings)
    {
        var path = settings.Kind == DatasetKind.FashionMnist
            ? DataPaths.FashionMnist(settings.Path)
            : Path.GetFullPath(settings.Path ?? throw new ArgumentException("An image-folder dataset needs a path.", nameof(settings)));
        var key = string.Join('|', settings.Kind, path, settings.TrainSubsetSize, settings.ImageSize,
            settings.ValidationFraction, settings.TestFraction, settings.SplitSeed);
        return Cache.GetOrLoad(key, () => LoadUncached(settings, path));
    }

    /// <summary>Forgets every loaded dataset (for tests and long-lived processes whose files changed).</summary>
    public static void Clear() => Cache.Clear();

    /// <summary>What a dataset holds in memory: its pixels and labels.</summary>
    public static long SizeOf(DatasetSplits splits) =>
        new[] { splits.Train, splits.Validation, splits.Test }.Sum(set => set.Pixels.LongLength + set.Labels.LongLength * sizeof(int));

    private static DatasetSplits LoadUncached(DatasetSettings settings, string path)
    {
        ImageSet train, test;
        if (settings.Kind == DatasetKind.FashionMnist)
        {
            (train, test) = FashionMnist.Read(path, settings.TrainSubsetSize);
        }
        else if (Directory.Exists(Path.Combine(path, "train")) && Directory.Exists(Path.Combine(path, "test")))
        {
            train = ImageFolderReader.Read(Path.Combine(path, "train"), settings.ImageSize);
            test = ImageFolderReader.Read(Path.Combine(path, "test"), settings.ImageSize, train.ClassNames);
            if (settings.TrainSubsetSize is { } limit)
                train = train.Select(Shuffled(train.Count, settings.SplitSeed).Take(limit).ToArray());
        }
        else
        {
            var all = ImageFolderReader.Read(path, settings.ImageSize);
            var order = Shuffled(all.Count, settings.SplitSeed + 1);
            var testCount = Math.Max(1, (int)Math.Round(all.Count * settings.TestFraction));
            test = all.Select(order[..testCount]);
            var rest = order[testCount..];
            train = all.Select(settings.TrainSubsetSize is { } limit ? rest.Take(limit).ToArray() : rest);
        }
        var shuffled = Shuffled(train.Count, settings.SplitSeed);
        var validationCount = Math.Clamp((int)Math.Round(train.Count * settings.ValidationFraction), 1, train.Count - 1);
        return new DatasetSplits(train.Select(shuffled[validationCount..]), train.Select(shuffled[..validationCount]), test);
    }

    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
