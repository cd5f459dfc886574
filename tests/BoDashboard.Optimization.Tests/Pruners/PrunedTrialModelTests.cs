using BoDashboard.Optimization.Pruners;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Pruners;

/// <summary>How pruned and cancelled trials enter the GP's observations.</summary>
public sealed class PrunedTrialModelTests
{
    internal static readonly SearchSpace Space = new([new FloatParameter("x", 0, 1)]);

    /// <summary>A trial at x on a one-parameter space, with its curve as steps 1, 2, ...</summary>
    internal static TrialRecord Record(int n, double x, TrialState state, double? value, params double[] curve) =>
        new(n, new Dictionary<string, object> { ["x"] = x }, state, value, curve.Select((v, i) => new StepValue(i + 1, v)).ToList());

    [Fact]
    public void A_pruned_trial_stands_for_its_last_value_plus_the_median_gain_of_completed_trials_not_the_worst_value()
    {
        TrialRecord[] history =
        [
            Record(0, 0.1, TrialState.Complete, 0.60, 0.40, 0.50, 0.60),
            Record(1, 0.2, TrialState.Complete, 0.90, 0.70, 0.80, 0.90),
            Record(2, 0.3, TrialState.Complete, 0.70, 0.40, 0.60, 0.70),
            Record(3, 0.4, TrialState.Pruned, 0.55, 0.55),
        ];

        // Without the search space (no learning-curve forecast): gains from step 1 to the end are 0.2, 0.2, 0.3 ->
        // median 0.2; the pruned trial counts as 0.75.
        Assert.Equal(0.75, new PrunedTrialEstimate(history).FinalValue(history[3])!.Value, 9);
        // In the GP's observations it is a value (the learning-curve forecast; LearningCurveForecastTests shows it is not
        // the worst one).
        var set = ObservationSet.From(Space, Direction.Maximize, history);
        Assert.Equal(4, set.Inputs.Count);
    }

    [Fact]
    public void Cancelled_trials_never_enter_the_model_as_values_and_failed_ones_still_do_as_the_worst()
    {
        TrialRecord[] history =
        [
            Record(0, 0.1, TrialState.Complete, 0.6),
            Record(1, 0.2, TrialState.Complete, 0.9),
            Record(2, 0.3, TrialState.Cancelled, null, 0.99),
            Record(3, 0.4, TrialState.Failed, null),
        ];

        var set = ObservationSet.From(Space, Direction.Minimize, history);

        Assert.Equal(3, set.Inputs.Count);
        Assert.DoesNotContain(set.Inputs, x => Math.Abs(x[0] - 0.3) < 1e-9);
        Assert.Equal(-0.9, set.Targets[^1], 9);
    }
}
