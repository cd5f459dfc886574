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
}
