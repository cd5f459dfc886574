using BoDashboard.Optimization.Pruners;

namespace BoDashboard.Optimization.Tests.Pruners;

/// <summary>Pruners that respect the noise measured on the trials' own curves (<see cref="StepNoise"/>).</summary>
public sealed class NoiseAwarePrunerTests
{
    private static PrunerTrial Trial(int number, TrialState state, params double[] values) => PrunerTests.Trial(number, state, values);

    // Each curve's middle value sits 0.03 off the line through its neighbours: noise 0.03 / √1.5 / 0.6745 = 0.0363 per
    // value, so a margin of √2 · 0.0363 = 0.0514 between two values. Step 2's median is 0.43, step 1's values 0.5..0.1.
    private static readonly PrunerTrial[] Jagged =
    [
        Trial(0, TrialState.Complete, 0.5, 0.63, 0.7),
        Trial(1, TrialState.Complete, 0.4, 0.47, 0.6),
        Trial(2, TrialState.Complete, 0.3, 0.43, 0.5),
        Trial(3, TrialState.Complete, 0.2, 0.27, 0.4),
        Trial(4, TrialState.Complete, 0.1, 0.23, 0.3),
    ];

    // Straight curves: no noise at any step.
    private static readonly PrunerTrial[] Straight = PrunerTests.FiveCompleted;

    [Fact]
    public void Step_noise_is_the_robust_spread_of_each_curves_middle_value_around_its_neighbours_line()
    {
        Assert.Equal(0.03 / Math.Sqrt(1.5) / 0.6745, StepNoise.At(2, Jagged), 6);
        // The first step is judged by the triple that starts there; a step beyond every curve has no triple.
        Assert.Equal(StepNoise.At(2, Jagged), StepNoise.At(1, Jagged), 9);
        Assert.Equal(0, StepNoise.At(7, Jagged));
        Assert.Equal(0, StepNoise.At(2, Straight), 9);
        // Fewer than three curves measure nothing, so nothing is assumed.
        Assert.Equal(0, StepNoise.At(2, Jagged.Take(2)));
        Assert.Equal(0, StepNoise.At(2, Jagged.Select(t => t with { Values = t.Values.Take(2).ToList() })));
    }

    [Fact]
    public void Noise_aware_median_keeps_a_near_equal_and_still_prunes_a_clearly_worse_trial()
    {
        var plain = new MedianPruner(5, 0);
        var aware = new MedianPruner(5, 0, noiseAware: true);
        // 0.03 below the median of 0.43: within the margin.
        Assert.True(plain.ShouldPrune(Trial(5, TrialState.Running, 0.2, 0.40), Jagged, Direction.Maximize));
        Assert.False(aware.ShouldPrune(Trial(5, TrialState.Running, 0.2, 0.40), Jagged, Direction.Maximize));
        // 0.08 below: beyond it.
        Assert.True(aware.ShouldPrune(Trial(5, TrialState.Running, 0.2, 0.35), Jagged, Direction.Maximize));
        // Minimising, the margin lies above the median (and a trial is judged by its lowest value so far).
        Assert.False(aware.ShouldPrune(Trial(5, TrialState.Running, 0.9, 0.46), Jagged, Direction.Minimize));
        Assert.True(aware.ShouldPrune(Trial(5, TrialState.Running, 0.9, 0.50), Jagged, Direction.Minimize));
    }

    [Fact]
    public void Noise_aware_pruners_decide_as_the_plain_ones_on_noiseless_curves()
    {
        var plain = new MedianPruner(5, 0);
        var aware = new MedianPruner(5, 0, noiseAware: true);
        foreach (var v in new[] { 0.25, 0.3, 0.35, 0.39, 0.41 })
            Assert.Equal(plain.ShouldPrune(Trial(5, TrialState.Running, 0.2, v), Straight, Direction.Maximize),
                aware.ShouldPrune(Trial(5, TrialState.Running, 0.2, v), Straight, Direction.Maximize));
        var asha = new SuccessiveHalvingPruner(1, 3);
        var awareAsha = new SuccessiveHalvingPruner(1, 3, noiseAware: true);
        foreach (var v in new[] { 0.3, 0.38, 0.4, 0.45 })
            Assert.Equal(asha.ShouldPrune(Trial(5, TrialState.Running, v), Straight, Direction.Maximize),
                awareAsha.ShouldPrune(Trial(5, TrialState.Running, v), Straight, Direction.Maximize));
    }

    [Fact]
    public void Noise_aware_asha_promotes_a_trial_just_below_the_rung_cut_off_and_stops_one_far_below()
    {
        // Six values at rung 1 keep the top 2: the cut-off is 0.4.
        var plain = new SuccessiveHalvingPruner(1, 3);
        var aware = new SuccessiveHalvingPruner(1, 3, noiseAware: true);
        Assert.True(plain.ShouldPrune(Trial(5, TrialState.Running, 0.38), Jagged, Direction.Maximize));
        Assert.False(aware.ShouldPrune(Trial(5, TrialState.Running, 0.38), Jagged, Direction.Maximize));
        Assert.True(aware.ShouldPrune(Trial(5, TrialState.Running, 0.30), Jagged, Direction.Maximize));
        // Hyperband's brackets pass the setting on.
        Assert.True(PrunerRegistry.Create(new PrunerSettings("hyperband", MinResource: 1, MaxResource: 9, NoiseAware: true)) is HyperbandPruner);
    }

    [Fact]
    public void Asha_and_hyperband_are_noise_aware_by_default_median_is_not_and_a_setting_overrides_either()
    {
        Assert.True(new PrunerSettings("asha").SparesNearEquals);
        Assert.True(new PrunerSettings("hyperband").SparesNearEquals);
        Assert.False(new PrunerSettings("median").SparesNearEquals);
        Assert.False(new PrunerSettings("asha", NoiseAware: false).SparesNearEquals);
        Assert.True(new PrunerSettings("median", NoiseAware: true).SparesNearEquals);
        // The registry builds what the settings say: a default ASHA keeps the near-equal trial a plain one stops.
        Assert.False(PrunerRegistry.Create(new PrunerSettings("asha")).ShouldPrune(Trial(5, TrialState.Running, 0.38), Jagged, Direction.Maximize));
        Assert.True(PrunerRegistry.Create(new PrunerSettings("asha", NoiseAware: false)).ShouldPrune(Trial(5, TrialState.Running, 0.38), Jagged, Direction.Maximize));
    }
}
