using BoDashboard.Training.Benchmarks;
using BoDashboard.Training.Datasets;
using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Tests.Benchmarks;

// Checks that the benchmark measures and reports; it never asserts a speed.
public sealed class TrainingBenchmarkTests
{
    private static readonly TrainingSettings Tiny = TrainingSettings.CpuPreset with
    {
        Dataset = new DatasetSettings(Path: DataPaths.ShippedFashionMnistFolder(), TrainSubsetSize: 200),
        Model = new ModelSettings(ModelKind.Compact, Width: 4),
        Epochs = 1,
        Threads = 1,
        Device = DeviceKind.Cpu,
    };

    private readonly TrainingBenchmark benchmark = new();

    [Fact]
    public void ThroughputIsReportedForBatch128()
    {
        var throughput = benchmark.MeasureThroughput(new ModelSettings(ModelKind.Compact, 4), steps: 2, threads: 1);

        Assert.Equal((128, 2, 1), (throughput.BatchSize, throughput.Steps, throughput.Threads));
        Assert.True(throughput.ImagesPerSecond > 0);
    }

    [Fact]
    public void TrialAndMemoryAreReported()
    {
        var trial = benchmark.MeasureTrial(Tiny);
        var done = new List<int>();
        var memory = benchmark.MeasureMemory(Tiny, earlyTrials: 1, trials: 2, new SyncProgress<int>(done.Add));

        Assert.Equal((1, 160), (trial.Epochs, trial.TrainImages));
        Assert.NotNull(trial.BestValidationAccuracy);
        Assert.Equal([1, 2], done);
        Assert.True(memory.EarlyResidentBytes > 0 && memory.LateResidentBytes > 0);
        Assert.Equal((1, 2, 160), (memory.EarlyTrials, memory.LateTrials, memory.TrialTrainImages));
    }
}
