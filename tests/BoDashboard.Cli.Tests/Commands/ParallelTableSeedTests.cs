using BoDashboard.Cli.Commands.Bench;

namespace BoDashboard.Cli.Tests.Commands;

/// <summary>`bench optimizer --section parallel --first-seed`: tuning seeds only, never the held-out 100-109.</summary>
public class ParallelTableSeedTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 20)]
    [InlineData(90, 10)]
    public void Tuning_seeds_run(int first, int seeds) => Assert.Null(ParallelTable.SeedError(first, seeds));

    [Theory]
    [InlineData(95, 10)]
    [InlineData(100, 10)]
    [InlineData(-1, 5)]
    [InlineData(0, 0)]
    public void Held_out_or_empty_seed_ranges_are_refused_with_a_reason(int first, int seeds)
    {
        var error = ParallelTable.SeedError(first, seeds);
        Assert.NotNull(error);
        Assert.Contains("tuning seeds only", error);
    }
}
