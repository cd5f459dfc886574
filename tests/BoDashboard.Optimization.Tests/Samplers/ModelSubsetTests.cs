using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

public sealed class ModelSubsetTests
{
    [Fact]
    public void A_long_history_keeps_the_best_the_incumbents_neighbourhood_and_a_random_rest()
    {
        var random = new Random(1);
        var inputs = Enumerable.Range(0, 3000).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToList();
        var targets = inputs.Select(x => -((x[0] - 0.3) * (x[0] - 0.3) + (x[1] - 0.7) * (x[1] - 0.7))).ToList();

        var (keptInputs, keptTargets) = ModelSubset.Select(inputs, targets, 400, new Random(2));

        Assert.Equal(400, keptInputs.Count);
        Assert.Equal(400, keptTargets.Count);
        // Pairs stay together, and the 100 best are all there.
        Assert.All(keptInputs.Zip(keptTargets), p => Assert.Equal(targets[inputs.IndexOf(p.First)], p.Second));
        var best = targets.OrderDescending().Take(100).ToHashSet();
        Assert.Subset(keptTargets.ToHashSet(), best);
        // Not only the best: the random rest reaches the far corners of the square.
        Assert.Contains(keptInputs, x => x[0] > 0.9 && x[1] < 0.1);
    }

    [Fact]
    public void A_short_history_is_kept_whole()
    {
        var inputs = Enumerable.Range(0, 50).Select(i => new[] { i / 50.0 }).ToList();
        var targets = inputs.Select(x => x[0]).ToList();
        var (keptInputs, _) = ModelSubset.Select(inputs, targets, 400, new Random(0));
        Assert.Equal(inputs, keptInputs);
    }
}
