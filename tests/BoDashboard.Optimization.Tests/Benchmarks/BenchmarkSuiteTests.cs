using BoDashboard.Benchmarks;

namespace BoDashboard.Optimization.Tests.Benchmarks;

/// <summary>`bench optimizer --suite NAME --problems ...` runs a subset of a suite with the suite's budgets and seeds.</summary>
public sealed class BenchmarkSuiteTests
{
    [Fact]
    public void A_subset_keeps_the_suite_order_budgets_and_seeds()
    {
        var subset = BenchmarkSuite.HeldOut.Only(["mixed5", "griewank8"]);

        Assert.Equal([("griewank8", 100), ("mixed5", 50)], subset.Problems);
        Assert.Equal(BenchmarkSuite.HeldOut.Seeds, subset.Seeds);
        Assert.Equal("held-out", subset.Name);
        Assert.Equal(9, BenchmarkSuite.HeldOut.Problems.Count);
    }

    [Fact]
    public void The_tuning_suite_takes_more_seeds_from_0_and_the_held_out_one_only_its_own()
    {
        Assert.Equal(Enumerable.Range(0, 30), BenchmarkSuite.Tuning.WithSeeds(30)!.Seeds);
        Assert.Same(BenchmarkSuite.Tuning, BenchmarkSuite.Tuning.WithSeeds(10));
        Assert.Null(BenchmarkSuite.Tuning.WithSeeds(101));
        Assert.Null(BenchmarkSuite.Tuning.WithSeeds(0));
        Assert.Same(BenchmarkSuite.HeldOut, BenchmarkSuite.HeldOut.WithSeeds(10));
        Assert.Null(BenchmarkSuite.HeldOut.WithSeeds(30));
        Assert.Null(BenchmarkSuite.HeldOut.WithSeeds(5));
    }
}
