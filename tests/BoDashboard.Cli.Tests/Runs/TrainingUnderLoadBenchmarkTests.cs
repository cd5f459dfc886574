using BoDashboard.Cli.Runs;
using BoDashboard.Studies.Processes;

namespace BoDashboard.Cli.Tests.Runs;

public sealed class TrainingUnderLoadBenchmarkTests
{
    [Fact]
    public void EveryPolicyRunsUnderEveryLoadInProcessesOfItsOwn()
    {
        // The CLI's own assembly answers `train`; the test runner cannot. 64 images: two batches, figures meaningless.
        var benchmark = new TrainingUnderLoadBenchmark(TrialHost.ForAssembly(Path.Combine(AppContext.BaseDirectory, "bodashboard.dll")));

        var report = benchmark.Run(64);

        Assert.Equal(TrainingThreadPolicy.All.Count * 3, report.Runs.Count);
        Assert.All(report.Runs, r => Assert.True(r.ImagesPerSecond > 0));
        Assert.All(report.Runs, r => Assert.Equal(r.Condition == LoadCondition.TwoTrials ? 2 : 1, r.FinalThreads.Count));
        // Fixed counts stay fixed in the trial-like processes; a governed run stays within the cores.
        Assert.All(report.Runs.Where(r => r.Policy.Threads is not null), r => Assert.All(r.FinalThreads, t => Assert.Equal(r.Policy.Threads, t)));
        Assert.All(report.Runs.Where(r => r.Policy.Threads is null), r => Assert.All(r.FinalThreads, t => Assert.InRange(t, 1, Environment.ProcessorCount)));
        var verdict = report.Verdict(TrainingThreadPolicy.Governed, LoadCondition.TwoTrials);
        Assert.True(double.IsFinite(verdict.ShareRatio) && double.IsFinite(verdict.OneThreadRatio));
    }
}
