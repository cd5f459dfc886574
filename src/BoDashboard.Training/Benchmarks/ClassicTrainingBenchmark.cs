using BoDashboard.Training.Datasets;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Benchmarks;

/// <summary>
/// <c>bench training --classic</c>: the tutorial's classic AlexNet trained for a short run on a real 227x227x3
/// image folder made from the shipped Fashion-MNIST subset (written to a temporary folder unless one is given).
/// </summary>
public sealed class ClassicTrainingBenchmark(ITrainer? trainer = null)
{
    public const int ImageSize = 227;

    /// <summary>The preset's 0.01 makes the full-size net diverge within a few batches of 16 (NaN loss in batch 6, measured);
    /// the tutorial's classic set-up trains at 0.001.</summary>
    public const double LearningRate = 0.001;

    private readonly ITrainer trainer = trainer ?? new Trainer();

    /// <summary>The training settings of the run: classic net, 227 px folder images, <paramref name="images"/> of them.</summary>
    public static TrainingSettings Settings(string folder, int images, int epochs, int batchSize, int? threads) =>
        TrainingSettings.CpuPreset with
        {
            Dataset = new DatasetSettings(DatasetKind.ImageFolder, folder, TrainSubsetSize: images, ImageSize: ImageSize),
            Model = new ModelSettings(ModelKind.Classic),
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = LearningRate,
            Dropout = TrainingSettings.Tutorial.Dropout, // the tutorial's net, as it trains there
            Threads = threads,
            Device = DeviceKind.Auto, // CUDA when the build uses a TorchSharp-cuda package and a GPU is present
        };

    /// <summary>
    /// Writes the dataset into <paramref name="folder"/>: train/ with enough images per class for
    /// <paramref name="images"/>, and a small test/ (the loader's layout for a folder with its own test split).
    /// </summary>
    public static void WriteDataset(string folder, int images, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var (train, test) = FashionMnist.Read(DataPaths.ShippedFashionMnistFolder());
        var classes = train.ClassNames.Count;
        var perClass = (images + classes - 1) / classes;
        ImageFolderWriter.Write(train, Path.Combine(folder, "train"), ImageSize, 3, perClass, progress, cancellationToken);
        ImageFolderWriter.Write(test, Path.Combine(folder, "test"), ImageSize, 3, 1, null, cancellationToken);
    }

    /// <summary>
    /// Trains on <paramref name="folder"/> (null: a dataset written to a temporary folder, deleted afterwards) and
    /// reports seconds per epoch and images/s. <paramref name="progress"/> names each step.
    /// </summary>
    public ClassicMeasurement Run(
        string? folder = null, int images = 512, int epochs = 1, int batchSize = 16, int? threads = null,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (images < 2)
            throw new ArgumentException("The classic run needs at least 2 images.");
        var temporary = folder is null ? Directory.CreateTempSubdirectory("bodashboard-classic-").FullName : null;
        try
        {
            var root = folder ?? temporary!;
            if (temporary is not null)
            {
                progress?.Report($"writing {images} images of {ImageSize}x{ImageSize}x3 to {temporary}");
                WriteDataset(temporary, images, null, cancellationToken);
            }
            var settings = Settings(root, images, epochs, batchSize, threads);
            progress?.Report("loading the image folder");
            var splits = DatasetLoader.Load(settings.Dataset);
            progress?.Report($"training the classic AlexNet: {splits.Train.Count} images, {epochs} epoch(s), batch {batchSize}");
            var result = trainer.Train(settings, null, cancellationToken);
            if (result.Curve.Count == 0)
                throw new InvalidOperationException(result.DivergenceMessage ?? "The classic run finished no epoch.");
            return new ClassicMeasurement(root, splits.Train.Count, splits.Validation.Count, result.Curve.Count, batchSize, result.Threads,
                result.Curve.Average(e => e.Seconds), result.Curve.Average(e => e.ImagesPerSecond), result.BestValidationAccuracy, result.Device);
        }
        finally
        {
            if (temporary is not null)
            {
                // The loader caches decoded datasets by path; a deleted temporary folder must not stay cached.
                DatasetLoader.Clear();
                Directory.Delete(temporary, recursive: true);
            }
        }
    }
}
