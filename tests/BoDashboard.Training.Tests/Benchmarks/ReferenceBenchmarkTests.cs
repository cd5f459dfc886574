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
}
