using BoDashboard.Optimization.Pruners;

namespace BoDashboard.Optimization.Tests.Pruners;

public sealed class PrunerTests
{
    internal static PrunerTrial Trial(int number, TrialState state, params double[] values) =>
        new(number, state, values.Select((v, i) => new StepValue(i + 1, v)).ToList());

    private static PrunerTrial Steps(int number, TrialState state, params (int Step, double Value)[] values) =>
        new(number, state, values.Select(v => new StepValue(v.Step, v.Value)).ToList());

    internal static readonly PrunerTrial[] FiveCompleted =
    [
        Trial(0, TrialState.Complete, 0.5, 0.6, 0.7),
        Trial(1, TrialState.Complete, 0.4, 0.5, 0.6),
        Trial(2, TrialState.Complete, 0.3, 0.4, 0.5),
        Trial(3, TrialState.Complete, 0.2, 0.3, 0.4),
        Trial(4, TrialState.Complete, 0.1, 0.2, 0.3),
    ];

    [Fact]
    public void Median_prunes_a_trial_below_the_median_of_earlier_completed_trials_at_its_step()
    {
        var pruner = new MedianPruner(startupTrials: 5, warmupSteps: 0);
        Assert.True(pruner.ShouldPrune(Trial(5, TrialState.Running, 0.25), FiveCompleted, Direction.Maximize));
        Assert.False(pruner.ShouldPrune(Trial(5, TrialState.Running, 0.35), FiveCompleted, Direction.Maximize));
        // Step 2's median is 0.4: judged at its last step, by its best value so far.
        Assert.True(pruner.ShouldPrune(Trial(5, TrialState.Running, 0.25, 0.35), FiveCompleted, Direction.Maximize));
        Assert.False(pruner.ShouldPrune(Trial(5, TrialState.Running, 0.45, 0.35), FiveCompleted, Direction.Maximize));
    }

    [Fact]
    public void Median_keeps_a_tie_and_follows_the_direction()
    {
        var pruner = new MedianPruner(5, 0);
        Assert.False(pruner.ShouldPrune(Trial(5, TrialState.Running, 0.3), FiveCompleted, Direction.Maximize));
        Assert.False(pruner.ShouldPrune(Trial(5, TrialState.Running, 0.25), FiveCompleted, Direction.Minimize));
        Assert.True(pruner.ShouldPrune(Trial(5, TrialState.Running, 0.35), FiveCompleted, Direction.Minimize));
    }

    [Fact]
    public void Median_waits_for_the_startup_trials_and_the_warmup_steps()
    {
        Assert.False(new MedianPruner(6, 0).ShouldPrune(Trial(5, TrialState.Running, 0.0), FiveCompleted, Direction.Maximize));
        Assert.False(new MedianPruner(5, 2).ShouldPrune(Trial(5, TrialState.Running, 0.0), FiveCompleted, Direction.Maximize));
        Assert.True(new MedianPruner(5, 2).ShouldPrune(Trial(5, TrialState.Running, 0.0, 0.0), FiveCompleted, Direction.Maximize));
        // Running, failed and pruned trials are not startup trials; nor are later ones.
        PrunerTrial[] notCompleted = [Trial(0, TrialState.Running, 0.9), Trial(1, TrialState.Failed, 0.9), Trial(2, TrialState.Pruned, 0.9), Trial(9, TrialState.Complete, 0.9)];
        Assert.False(new MedianPruner(1, 0).ShouldPrune(Trial(5, TrialState.Running, 0.0), notCompleted, Direction.Maximize));
    }

    [Fact]
    public void Median_decides_nothing_at_a_step_no_completed_trial_reported()
    {
        PrunerTrial[] sparse = [.. FiveCompleted.Select(t => Steps(t.Number, t.State, (2, 0.5), (4, 0.6)))];
        var pruner = new MedianPruner(5, 0);
        Assert.False(pruner.ShouldPrune(Steps(5, TrialState.Running, (3, 0.0)), sparse, Direction.Maximize));
        Assert.True(pruner.ShouldPrune(Steps(5, TrialState.Running, (3, 0.0), (4, 0.1)), sparse, Direction.Maximize));
    }

    [Fact]
    public void Asha_keeps_the_top_third_at_each_rung_and_lets_early_trials_through_only_when_best()
    {
        var asha = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3);
        Assert.Equal([1L, 3, 9], new[] { asha.RungStep(0), asha.RungStep(1), asha.RungStep(2) });
        // First trial at rung 1 is the best there so far: it goes on.
        Assert.False(asha.ShouldPrune(Trial(0, TrialState.Running, 0.5), [], Direction.Maximize));
        // Second and third: fewer than three values, only the best goes on.
        PrunerTrial[] one = [Trial(0, TrialState.Complete, 0.5, 0.6, 0.7)];
        Assert.True(asha.ShouldPrune(Trial(1, TrialState.Running, 0.4), one, Direction.Maximize));
        Assert.False(asha.ShouldPrune(Trial(1, TrialState.Running, 0.6), one, Direction.Maximize));
        // Six values at rung 1: the top two go on (a tie with the second keeps the trial).
        var five = FiveCompleted;
        Assert.False(asha.ShouldPrune(Trial(5, TrialState.Running, 0.4), five, Direction.Maximize));
        Assert.True(asha.ShouldPrune(Trial(5, TrialState.Running, 0.35), five, Direction.Maximize));
        // Between rungs nothing new is decided; at rung 3 the same rule on the values there.
        Assert.False(asha.ShouldPrune(Trial(5, TrialState.Running, 0.45, 0.1), five, Direction.Maximize));
        Assert.True(asha.ShouldPrune(Trial(5, TrialState.Running, 0.45, 0.1, 0.45), five, Direction.Maximize));
        Assert.False(asha.ShouldPrune(Trial(5, TrialState.Running, 0.45, 0.1, 0.6), five, Direction.Maximize));
    }

    [Fact]
    public void Asha_counts_pruned_trials_at_the_rungs_they_reached_and_uses_the_first_step_at_or_after_a_rung()
    {
        var asha = new SuccessiveHalvingPruner(1, 3);
        PrunerTrial[] others = [Trial(0, TrialState.Pruned, 0.9), Trial(1, TrialState.Pruned, 0.8), Steps(2, TrialState.Complete, (2, 0.7), (5, 0.8))];
        // Rung 1 values: 0.9, 0.8, 0.7 (trial 2's first step at or after 1 is step 2), and 0.75: top one only -> pruned.
        Assert.True(asha.ShouldPrune(Trial(3, TrialState.Running, 0.75), others, Direction.Maximize));
        Assert.False(asha.ShouldPrune(Trial(3, TrialState.Running, 0.95), others, Direction.Maximize));
    }

    [Fact]
    public void Hyperband_puts_every_trial_in_one_bracket_by_number_and_brackets_do_not_compete()
    {
        var hyperband = new HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3);
        Assert.Equal(3, hyperband.Brackets);
        var counts = Enumerable.Range(0, 3000).GroupBy(hyperband.BracketOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, counts.Count);
        Assert.True(counts[0] > counts[2], "the most aggressive bracket gets the most trials");
        Assert.Equal(hyperband.BracketOf(17), new HyperbandPruner(1, 9, 3).BracketOf(17));

        var number = Enumerable.Range(10, 100).First(n => hyperband.BracketOf(n) == 0);
        var rival = Enumerable.Range(0, number).First(n => hyperband.BracketOf(n) == 0);
        var outsider = Enumerable.Range(0, number).First(n => hyperband.BracketOf(n) != 0);
        // A strong trial of another bracket does not count; one of the same bracket does.
        Assert.False(hyperband.ShouldPrune(Trial(number, TrialState.Running, 0.5), [Trial(outsider, TrialState.Complete, 0.9)], Direction.Maximize));
        Assert.True(hyperband.ShouldPrune(Trial(number, TrialState.Running, 0.5), [Trial(rival, TrialState.Complete, 0.9)], Direction.Maximize));
    }

    [Fact]
    public void The_registry_validates_settings_by_name()
    {
        Assert.Empty(PrunerRegistry.Validate(new PrunerSettings("median")));
        Assert.Contains(PrunerRegistry.Validate(new PrunerSettings("median", StartupTrials: -1)), e => e.Field == "pruner.startupTrials");
        Assert.Contains(PrunerRegistry.Validate(new PrunerSettings("asha", ReductionFactor: 1)), e => e.Field == "pruner.reductionFactor");
        Assert.Contains(PrunerRegistry.Validate(new PrunerSettings("hyperband", MinResource: 2, MaxResource: 3)), e => e.Field == "pruner.maxResource");
        Assert.Contains(PrunerRegistry.Validate(new PrunerSettings("sometimes")), e => e.Field == "pruner.name");
        Assert.IsType<NoPruner>(PrunerRegistry.Create(new PrunerSettings()));
    }
}
