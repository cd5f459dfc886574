using BoDashboard.Training.Benchmarks;

namespace BoDashboard.Training.Tests.Benchmarks;

public sealed class ReferenceBenchmarkTests
{
    [Fact]
    public void TheCompactReferenceNetIsTimedInTorchSharp() =>
        Assert.True(ReferenceBenchmark.MeasureTorchSharp(ReferenceNet.Compact, steps: 1, threads: 1) > 0);

    [Fact]
    public void StepsBelowOneAreRefused() =>
        Assert.Throws<ArgumentException>(() => new ReferenceBenchmark().Run(compactSteps: 0));

    [Fact]
    public void RoundsBelowOneAreRefused() =>
        Assert.Throws<ArgumentException>(() => new ReferenceBenchmark().Run(rounds: 0));

    [Fact]
    public void EachRoundTimesTorchSharpAgainAndTheFiguresAreTheirMedians()
    {
        // An interpreter that does not exist: the script is tried once, not once per round.
        var report = new ReferenceBenchmark().Run(compactSteps: 1, classicSteps: 1, threads: 1, preset: ReferenceBenchmark.ShortPreset,
            python: "/nonexistent/python3", rounds: 3);

        Assert.Equal(3, report.Rounds);
        Assert.Equal(3, report.CompactRounds.Count);
        Assert.Equal(3, report.ClassicRounds.Count);
        Assert.Equal(report.CompactRounds.Order().ElementAt(1), report.Compact.TorchSharp);
        Assert.Equal(report.ClassicRounds.Order().ElementAt(1), report.Classic.TorchSharp);
        Assert.Single(report.PyTorchRounds);
        Assert.Null(report.Compact.PyTorch);
        Assert.Contains("/nonexistent/python3", report.PyTorch.Problem);
    }
}
