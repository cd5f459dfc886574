using BoDashboard.Cli.Runs;
using BoDashboard.Optimization.Pruners;

namespace BoDashboard.Cli.Tests.Runs;

/// <summary>The replay of `bench pruning` on a hand-made learning-curve table.</summary>
public sealed class PruningReplayTests
{
    // A slow starter that ends best, a fast starter that stalls, and a bad one, spread over the log-uniform square.
    private static readonly LearningCurveTable Table = new(
    [
        new RecordedCurve(0, 1e-2, 1e-2, false, 1, [0.30, 0.60, 0.90]),
        new RecordedCurve(1, 1e-3, 1e-3, false, 1, [0.60, 0.65, 0.70]),
        new RecordedCurve(2, 1e-4, 1e-4, false, 1, [0.10, 0.15, 0.20]),
        new RecordedCurve(3, 1e-5, 1e-2, false, 1, [0.50, 0.55, 0.60]),
        new RecordedCurve(4, 1e-2, 1e-5, false, 1, [0.40, 0.45, 0.50]),
    ]);

    [Fact]
    public void Without_a_pruner_every_trial_runs_every_epoch_and_the_best_is_a_recorded_final_value()
    {
        var result = new PruningReplay(Table).Run("random", new PrunerSettings("none"), seed: 0, maxTrials: 8);

        Assert.Equal(8, result.Trials);
        Assert.Equal(24, result.Epochs);
        Assert.Equal(0, result.Pruned);
        Assert.InRange(result.Distinct, 1, 5);
        Assert.Contains(result.BestAccuracy!.Value, Table.Curves.Select(c => c.Accuracies.Max()));
        Assert.Empty(result.Estimates);
    }

    [Fact]
    public void Pruned_trials_cost_only_their_epochs_never_count_as_best_and_are_estimated_for_the_report()
    {
        foreach (var how in Enum.GetValues<PrunedAs>())
        {
            var result = new PruningReplay(Table).Run("gp-ei", new PrunerSettings("asha", MinResource: 1, ReductionFactor: 3, NoiseAware: false),
                seed: 1, maxTrials: 10, prunedAs: how);

            Assert.Equal(10, result.Trials);
            Assert.True(result.Pruned > 0, $"{how}: ASHA pruned nothing");
            Assert.True(result.Epochs < 30, $"{how}: pruned trials ran all their epochs");
            Assert.Equal(result.Pruned, result.Estimates.Count);
            // The best counts completed trials only: a table's final value, never a pruned curve's partial one.
            Assert.Contains(result.BestAccuracy!.Value, Table.Curves.Select(c => c.Accuracies.Max()));
            Assert.All(result.Estimates, e => Assert.Contains(e.TrueFinal, Table.Curves.Select(c => c.Accuracies.Max())));
        }
    }

    [Fact]
    public void An_epoch_budget_stops_the_study_once_spent()
    {
        var result = new PruningReplay(Table).Run("random", new PrunerSettings("none"), seed: 0, maxTrials: 100, maxEpochs: 7);

        Assert.Equal(9, result.Epochs);
        Assert.Equal(3, result.Trials);
    }
}
