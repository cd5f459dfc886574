using BoDashboard.Training.Datasets;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Tests.Runs;

public sealed class TrainerTests
{
    // A small, fast run on the shipped Fashion-MNIST subset: 1,600 training and 400 validation images, one thread.
    private static readonly TrainingSettings Small = TrainingSettings.CpuPreset with
    {
        Dataset = new DatasetSettings(Path: DataPaths.ShippedFashionMnistFolder(), TrainSubsetSize: 2000),
        Model = new ModelSettings(ModelKind.Compact, Width: 8),
        Epochs = 1,
        BatchSize = 32,
        Augment = false,
        Threads = 1,
        Device = DeviceKind.Cpu,
        ProgressEveryBatches = 10,
    };

    private readonly Trainer trainer = new();

    [Fact]
    public void OneEpochBeatsChance()
    {
        var reports = new List<TrainingProgress>();

        var result = trainer.Train(Small, new SyncProgress<TrainingProgress>(reports.Add));

        Assert.False(result.Diverged);
        var epoch = Assert.Single(result.Curve);
        Assert.InRange(result.BestValidationAccuracy!.Value, 0.3, 1.0); // ten classes: chance is 0.1
        Assert.Equal(result.BestValidationAccuracy, epoch.ValidationAccuracy);
        Assert.Equal(1, result.BestEpoch);
        Assert.True(epoch.ImagesPerSecond > 0 && double.IsFinite(epoch.TrainLoss));
        Assert.Equal((1, "cpu"), (result.Threads, result.Device));
        // 50 batches, a report every 10 within the epoch, then one closing the epoch.
        Assert.Equal([10, 20, 30, 40, 50], reports.Select(r => r.Batch));
        Assert.True(reports[^1].EpochCompleted);
        Assert.Equal(epoch.ValidationAccuracy, reports[^1].ValidationAccuracy);
    }

    [Fact]
    public void TheSameSeedGivesTheSameCurve()
    {
        var settings = Small with { Dataset = Small.Dataset with { TrainSubsetSize = 400 }, Augment = true, Epochs = 2, Seed = 3 };

        var first = trainer.Train(settings);
        var second = trainer.Train(settings);
        var otherSeed = trainer.Train(settings with { Seed = 4 });

        Assert.Equal(Numbers(first), Numbers(second));
        Assert.NotEqual(Numbers(first), Numbers(otherSeed));
    }

    [Fact]
    public void CancellationStopsWithinOneBatch()
    {
        using var cancellation = new CancellationTokenSource();
        var batches = new List<int>();
        var progress = new SyncProgress<TrainingProgress>(report =>
        {
            batches.Add(report.Batch);
            if (report.Batch == 2)
                cancellation.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(
            () => trainer.Train(Small with { ProgressEveryBatches = 1 }, progress, cancellation.Token));

        Assert.Equal([1, 2], batches);
    }

    [Fact]
    public void ADivergingRunStopsAndSaysSo()
    {
        var reports = 0;

        var result = trainer.Train(Small with { LearningRate = 1e12, Epochs = 3, ProgressEveryBatches = 1 },
            new SyncProgress<TrainingProgress>(_ => reports++));

        Assert.True(result.Diverged);
        Assert.Null(result.BestValidationAccuracy);
        Assert.Contains("diverged", result.DivergenceMessage, StringComparison.Ordinal);
        Assert.True(reports < 50, $"training went on for {reports} batches after diverging");
    }

    [Fact]
    public void RetrainAndTestMeasuresTheTestSplit()
    {
        var evaluation = trainer.RetrainAndTest(Small);

        Assert.Equal(2000, evaluation.TrainImages);
        Assert.Equal(3000, evaluation.TestImages);
        Assert.InRange(evaluation.TestAccuracy!.Value, 0.3, 1.0);
        Assert.Null(Assert.Single(evaluation.Training.Curve).ValidationAccuracy);
    }

    private static List<(double, double, double?)> Numbers(TrainingResult result) =>
        result.Curve.Select(p => (p.TrainLoss, p.TrainAccuracy, p.ValidationAccuracy)).ToList();
}
