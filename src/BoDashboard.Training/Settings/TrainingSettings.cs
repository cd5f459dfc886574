namespace BoDashboard.Training.Settings;

/// <summary>
/// Everything one training run depends on. The defaults are the CPU preset (see <see cref="CpuPreset"/>); the
/// hyperparameters a study searches (learning rate, weight decay) start at the tutorial's defaults.
/// </summary>
/// <param name="Dataset">Images, path and splits; null: Fashion-MNIST at the default path.</param>
/// <param name="Model">Network and width; null: the compact AlexNet.</param>
/// <param name="Epochs">Passes over the training split.</param>
/// <param name="BatchSize">Images per SGD step.</param>
/// <param name="LearningRate">Initial learning rate.</param>
/// <param name="WeightDecay">L2 penalty, applied by SGD.</param>
/// <param name="Momentum">SGD momentum (the tutorial: 0.9).</param>
/// <param name="Dropout">Dropout probability before the first two fully connected layers (the tutorial: 0.5).</param>
/// <param name="Patience">Epochs without improvement before the learning rate is multiplied by <paramref name="Decay"/>.</param>
/// <param name="Decay">Factor applied to the learning rate on a plateau (the tutorial: 0.1).</param>
/// <param name="Threshold">Smallest rise of validation accuracy that counts as an improvement (the tutorial: 1e-4).</param>
/// <param name="Augment">Random crop with padding, and horizontal flip where the dataset allows it.</param>
/// <param name="Seed">Seeds weights, shuffling, dropout and augmentation: the same seed gives the same curve.</param>
/// <param name="Threads">Torch threads, fixed for the run; null: chosen while training, between 1 and all cores, from the
/// measured speed of the run's own batches (<see cref="Runs.ThreadGovernor"/>), so a busy core or a second trial does not
/// make the run collapse. Fixed at 1, a seeded run is reproducible bit for bit.</param>
/// <param name="Device">Auto picks CUDA when available.</param>
/// <param name="ProgressEveryBatches">Report progress every N batches (0: only per epoch).</param>
/// <param name="Schedule">How the learning rate changes: the tutorial's plateau decay or a cosine over the run.</param>
public sealed record TrainingSettings(
    DatasetSettings? Dataset = null,
    ModelSettings? Model = null,
    int Epochs = 3,
    int BatchSize = 64,
    double LearningRate = 0.01,
    double WeightDecay = 0.0005,
    double Momentum = 0.9,
    double Dropout = 0,
    int Patience = 2,
    double Decay = 0.1,
    double Threshold = 1e-4,
    bool Augment = false,
    int Seed = 0,
    int? Threads = null,
    DeviceKind Device = DeviceKind.Auto,
    int ProgressEveryBatches = 20,
    ScheduleKind Schedule = ScheduleKind.Cosine)
{
    /// <summary>The dataset settings with defaults filled in.</summary>
    public DatasetSettings Dataset { get; init; } = Dataset ?? new DatasetSettings(TrainSubsetSize: 15000);

    /// <summary>The model settings with defaults filled in.</summary>
    public ModelSettings Model { get; init; } = Model ?? new ModelSettings();

    /// <summary>
    /// Compact AlexNet (width 12) on the shipped Fashion-MNIST subset (12,000 training, 3,000 validation images):
    /// 3 epochs of batch 64 with a cosine learning-rate schedule and no dropout. Dropout and a plateau decay (the
    /// tutorial's) need many epochs to pay off; in 3 epochs this recipe passes 0.87 validation accuracy at the
    /// tutorial's learning rate and weight decay in half the time the former 6-epoch preset took.
    /// Measured figures: docs/benchmarks.md, section Training.
    /// </summary>
    public static TrainingSettings CpuPreset { get; } = new();

    /// <summary>
    /// The tutorial's settings: classic AlexNet on 227 px images from a folder (dogs vs cats), batch 256,
    /// 200 epochs, decay x0.1 after 30 epochs without improvement. Hours per trial on a CPU; meant for a GPU.
    /// </summary>
    public static TrainingSettings Tutorial { get; } = new(
        Dataset: new DatasetSettings(DatasetKind.ImageFolder, ImageSize: 227),
        Model: new ModelSettings(ModelKind.Classic),
        Epochs: 200,
        BatchSize: 256,
        Dropout: 0.5,
        Patience: 30,
        Schedule: ScheduleKind.Plateau);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(Epochs >= 1, nameof(Epochs), "must be at least 1");
        Require(BatchSize >= 1, nameof(BatchSize), "must be at least 1");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, nameof(LearningRate), "must be positive");
        Require(double.IsFinite(WeightDecay) && WeightDecay >= 0, nameof(WeightDecay), "must be zero or positive");
        Require(Momentum is >= 0 and < 1, nameof(Momentum), "must be in [0, 1)");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), "must be in [0, 1)");
        Require(Patience >= 1, nameof(Patience), "must be at least 1");
        Require(Decay is > 0 and <= 1, nameof(Decay), "must be in (0, 1]");
        Require(Threshold >= 0, nameof(Threshold), "must be zero or positive");
        Require(Threads is null or >= 1, nameof(Threads), "must be at least 1");
        Require(ProgressEveryBatches >= 0, nameof(ProgressEveryBatches), "must be zero or positive");
        Require(Model.Width >= 1, "Model.Width", "must be at least 1");
        Require(Dataset.TrainSubsetSize is null or >= 2, "Dataset.TrainSubsetSize", "must be at least 2");
        Require(Dataset.ImageSize >= 8, "Dataset.ImageSize", "must be at least 8");
        Require(Dataset.ValidationFraction is > 0 and < 1, "Dataset.ValidationFraction", "must be in (0, 1)");
        Require(Dataset.TestFraction is > 0 and < 1, "Dataset.TestFraction", "must be in (0, 1)");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
            throw new ArgumentException($"{name} {message}.", name);
    }
}
