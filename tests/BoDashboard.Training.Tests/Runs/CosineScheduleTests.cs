using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Tests.Runs;

public sealed class CosineScheduleTests
{
    [Fact]
    public void FallsBatchByBatchFromTheInitialRateTowardsZero()
    {
        var schedule = new CosineSchedule(0.01, totalBatches: 30, batchesPerEpoch: 10);

        var rates = Enumerable.Range(1, 3).SelectMany(epoch => Enumerable.Range(0, 10).Select(batch => schedule.RateAt(epoch, batch))).ToList();

        Assert.Equal(0.01, rates[0], 12);
        Assert.Equal(0.005, rates[15], 12); // half way: half the rate
        Assert.InRange(rates[^1], 0, 0.0001);
        Assert.All(rates.Zip(rates.Skip(1)), pair => Assert.True(pair.Second < pair.First));
    }

    [Fact]
    public void EpochAccuracyDoesNotMoveIt()
    {
        var schedule = new CosineSchedule(0.01, totalBatches: 20, batchesPerEpoch: 10);
        var before = schedule.RateAt(2, 3);

        schedule.EndEpoch(0.1);
        schedule.EndEpoch(0.1);
        schedule.EndEpoch(0.1);

        Assert.Equal(before, schedule.RateAt(2, 3));
    }

    [Fact]
    public void TheSettingPicksTheSchedule()
    {
        Assert.IsType<CosineSchedule>(LearningRateSchedule.For(TrainingSettings.CpuPreset, 100));
        Assert.IsType<PlateauSchedule>(LearningRateSchedule.For(TrainingSettings.Tutorial, 100));
    }
}
