using BoDashboard.Training.Runs;

namespace BoDashboard.Training.Tests.Runs;

public sealed class PlateauScheduleTests
{
    [Fact]
    public void DecaysAfterPatienceEpochsWithoutImprovementAboveTheThreshold()
    {
        var schedule = new PlateauSchedule(0.1, patience: 2, decay: 0.1, threshold: 1e-3);

        Assert.Equal(0.1, schedule.Step(0.50));
        Assert.Equal(0.1, schedule.Step(0.60));
        Assert.Equal(0.1, schedule.Step(0.6005)); // below the threshold: one epoch without improvement
        Assert.Equal(0.01, schedule.Step(0.59), 12); // two: decay, and count again
        Assert.Equal(0.01, schedule.Step(0.59), 12);
        Assert.Equal(0.001, schedule.Step(0.59), 12);
    }
}
