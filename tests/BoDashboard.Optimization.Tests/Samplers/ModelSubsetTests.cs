using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

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

    [Theory]
    [InlineData(1, 700)]
    [InlineData(10, 700)]
    [InlineData(11, 680)]
    [InlineData(15, 600)]
    [InlineData(20, 500)]
    [InlineData(40, 500)]
    public void The_subset_shrinks_above_ten_dimensions_down_to_a_floor(int dimension, int expected) =>
        Assert.Equal(expected, ModelSubset.MaxPointsFor(dimension));

    [Theory]
    [InlineData(2, 560)]
    [InlineData(20, 500)]
    public void A_long_studys_gp_conditions_on_the_subset_for_its_dimension(int dimension, int expected)
    {
        // A seed no other test uses: the warm-start memory is shared by the whole process.
        var sampler = new GpEiSampler(new SamplerSettings(Seed: 731_905));
        var space = new SearchSpace([.. Enumerable.Range(0, dimension).Select(d => (ParameterSpec)new FloatParameter($"x{d}", 0, 1))]);
        var random = new Random(dimension);
        var history = Enumerable.Range(0, 560).Select(i =>
        {
            var values = Enumerable.Range(0, dimension).ToDictionary(d => $"x{d}", _ => (object)random.NextDouble());
            return new TrialRecord(i, values, TrialState.Complete, values.Values.Sum(v => ((double)v - 0.4) * ((double)v - 0.4)));
        }).ToList();

        var model = sampler.FitWithPending(ObservationSet.From(space, Direction.Minimize, history), history.Count);

        Assert.Equal(expected, model.Count);
    }
}
