using BoDashboard.Cli.Runs;

namespace BoDashboard.Cli.Tests.Runs;

/// <summary>How `bench pruning` counts the studies that meet the goal's tolerance.</summary>
public sealed class PruningBenchmarkTests
{
    private static ReplayResult Best(double? accuracy) => new(accuracy, 10, 5, 1, 5, []);

    [Fact]
    public void A_study_counts_as_within_the_tolerance_at_its_edge_not_below_it_nor_without_a_completed_trial()
    {
        // No pruning's median best 0.8703: 0.8673 is exactly 0.003 below (counts, despite floating point), 0.8672 is not.
        var runs = new[] { Best(0.8717), Best(0.8703), Best(0.8673), Best(0.8672), Best(null) };
        Assert.Equal(3, PruningBenchmark.SeedsWithin(runs, 0.8703));
        Assert.Equal(0.003, PruningBenchmark.Tolerance);
    }
}
