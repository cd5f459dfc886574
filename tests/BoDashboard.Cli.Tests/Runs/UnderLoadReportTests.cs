using BoDashboard.Cli.Runs;

namespace BoDashboard.Cli.Tests.Runs;

/// <summary>The criteria of `bench training --under-load`, evaluated on given figures.</summary>
public sealed class UnderLoadReportTests
{
    private static UnderLoadReport Report(int cores, params (TrainingThreadPolicy Policy, LoadCondition Condition, double ImagesPerSecond)[] figures) =>
        new([.. figures.Select(f => new UnderLoadRun(f.Policy, f.Condition, f.ImagesPerSecond, [1]))], cores, 3000, "OMP_WAIT_POLICY=PASSIVE");

    [Fact]
    public void APolicyThatKeepsUpMeetsBothCriteria()
    {
        var governed = TrainingThreadPolicy.Governed;
        var report = Report(2,
            (governed, LoadCondition.Idle, 2000), (governed, LoadCondition.CoreBusy, 1250), (governed, LoadCondition.TwoTrials, 1150),
            (TrainingThreadPolicy.OneThread, LoadCondition.CoreBusy, 1200), (TrainingThreadPolicy.OneThread, LoadCondition.TwoTrials, 1180));

        var busy = report.Verdict(governed, LoadCondition.CoreBusy);
        var twoTrials = report.Verdict(governed, LoadCondition.TwoTrials);

        // Two cores: one busy core or a second trial leaves half the machine, 1,000 images/s of the idle 2,000.
        Assert.Equal(1000, busy.IdleShare);
        Assert.Equal(1.25, busy.ShareRatio, 6);
        Assert.True(busy.MeetsShare && busy.MeetsOneThread);
        // 1,150 is 2.5 % below one thread's 1,180: within the noise allowance.
        Assert.True(twoTrials.MeetsShare && twoTrials.MeetsOneThread);
    }

    [Fact]
    public void ACollapseFailsBothCriteria()
    {
        var old = TrainingThreadPolicy.Old;
        var report = Report(2,
            (old, LoadCondition.Idle, 2000), (old, LoadCondition.CoreBusy, 150),
            (TrainingThreadPolicy.OneThread, LoadCondition.CoreBusy, 1200));

        var verdict = report.Verdict(old, LoadCondition.CoreBusy);

        Assert.False(verdict.MeetsShare); // 150 < 0.6 x 1,000
        Assert.False(verdict.MeetsOneThread);
    }

    [Fact]
    public void SlightlyBelowOneThreadBeyondTheNoiseFails()
    {
        var governed = TrainingThreadPolicy.Governed;
        var report = Report(2,
            (governed, LoadCondition.Idle, 2000), (governed, LoadCondition.TwoTrials, 1100),
            (TrainingThreadPolicy.OneThread, LoadCondition.TwoTrials, 1200));

        var verdict = report.Verdict(governed, LoadCondition.TwoTrials);

        Assert.True(verdict.MeetsShare);
        Assert.False(verdict.MeetsOneThread); // 1,100 is 8 % below 1,200
    }

    [Fact]
    public void OnFourCoresABusyCoreLeavesThreeQuarters()
    {
        var report = Report(4, (TrainingThreadPolicy.Governed, LoadCondition.Idle, 4000));

        Assert.Equal(0.75, report.CapacityFraction(LoadCondition.CoreBusy));
        Assert.Equal(0.5, report.CapacityFraction(LoadCondition.TwoTrials));
    }
}
