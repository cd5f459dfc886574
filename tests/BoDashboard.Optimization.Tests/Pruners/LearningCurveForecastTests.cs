using BoDashboard.Optimization.Pruners;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Pruners;

/// <summary>Pruned trials forecast by a GP over (parameters, step) fitted to every trial's curve.</summary>
public sealed class LearningCurveForecastTests
{
    private static readonly SearchSpace Space = PrunedTrialModelTests.Space;

    private static TrialRecord Record(int n, double x, TrialState state, double? value, params double[] curve) =>
        PrunedTrialModelTests.Record(n, x, state, value, curve);

    // Low x starts fast and stalls near 0.6-0.65; high x starts slowly and ends near 0.95: curves cross, as learning
    // rates do. The median gain from step 1 (0.2, 0.2, 0.2, 0.6, 0.62, 0.6) is 0.4 for every trial.
    private static readonly TrialRecord[] Crossing =
    [
        Record(0, 0.05, TrialState.Complete, 0.60, 0.40, 0.55, 0.60),
        Record(1, 0.15, TrialState.Complete, 0.65, 0.45, 0.60, 0.65),
        Record(2, 0.25, TrialState.Complete, 0.62, 0.42, 0.57, 0.62),
        Record(3, 0.75, TrialState.Complete, 0.90, 0.30, 0.70, 0.90),
        Record(4, 0.85, TrialState.Complete, 0.95, 0.33, 0.75, 0.95),
        Record(5, 0.95, TrialState.Complete, 0.92, 0.32, 0.72, 0.92),
    ];

    [Fact]
    public void A_pruned_slow_starter_among_good_finishers_is_forecast_high_and_a_fast_starter_among_stallers_low()
    {
        TrialRecord[] history = [.. Crossing, Record(6, 0.8, TrialState.Pruned, 0.31, 0.31), Record(7, 0.2, TrialState.Pruned, 0.44, 0.44)];

        var forecast = new PrunedTrialEstimate(history, Space);
        var medianGain = new PrunedTrialEstimate(history);

        Assert.Equal(0.71, medianGain.FinalValue(history[6])!.Value, 9);
        Assert.Equal(0.84, medianGain.FinalValue(history[7])!.Value, 9);
        Assert.InRange(forecast.FinalValue(history[6])!.Value, 0.85, 1.0);
        Assert.InRange(forecast.FinalValue(history[7])!.Value, 0.5, 0.72);
    }

    [Fact]
    public void The_gp_sees_a_pruned_trial_as_its_forecast_never_as_the_worst_value()
    {
        TrialRecord[] history = [.. Crossing, Record(6, 0.8, TrialState.Pruned, 0.31, 0.31)];

        var set = ObservationSet.From(Space, Direction.Maximize, history);

        Assert.Equal(7, set.Inputs.Count);
        Assert.Equal(0.8, set.Inputs[6][0], 9);
        // The worst completed value is 0.60 and the trial's own last value 0.31: it stands for neither.
        Assert.True(set.Targets[6] > set.Targets.Take(6).Min() + 0.1);
        Assert.True(set.Targets[6] > 0.85);
    }

    [Fact]
    public void Without_a_completed_curve_the_estimate_falls_back_to_the_last_value()
    {
        TrialRecord[] history = [Record(0, 0.1, TrialState.Complete, 0.6), Record(1, 0.5, TrialState.Pruned, 0.4, 0.3, 0.4)];

        Assert.Equal(0.4, new PrunedTrialEstimate(history, Space).FinalValue(history[1])!.Value, 9);
        Assert.Null(new PrunedTrialEstimate(history, Space).FinalValue(history[0] with { Intermediate = null }));
    }
}
