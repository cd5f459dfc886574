using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>A long study's previous fit is found again by the same study only: same seed, same first points and values.</summary>
public sealed class WarmStartMemoryTests
{
    [Fact]
    public void A_fit_is_recalled_for_the_same_study_and_not_for_another_with_the_same_seed_and_points()
    {
        const int seed = 918_273;
        List<double[]> inputs = [.. Enumerable.Range(0, 8).Select(i => new[] { i / 8.0, 1 - i / 8.0 })];
        List<double> targets = [.. inputs.Select(x => x[0] * x[1])];
        var fit = new WarmStartMemory.RememberedFit(new PreviousFit(new GaussianProcessHyperparameters([0.2, 0.4], 1.5, 1e-4), 2.0), inputs.Count);

        WarmStartMemory.Remember(seed, inputs, targets, fit);

        // The same study later: more trials, the same first ones.
        Assert.Same(fit, WarmStartMemory.Recall(seed, [.. inputs, [0.5, 0.5]], [.. targets, 0.25]));
        // Another objective sampled with the same seed: the same first points, other values.
        Assert.Null(WarmStartMemory.Recall(seed, inputs, [.. targets.Select(v => -v)]));
        Assert.Null(WarmStartMemory.Recall(seed + 1, inputs, targets));
    }
}
