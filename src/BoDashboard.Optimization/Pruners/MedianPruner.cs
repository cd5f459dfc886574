using MathNet.Numerics.Statistics;
namespace BoDashboard.Optimization.Pruners;

/// <summary>Stops a trial whose best value so far is worse than the median of the earlier completed trials' values at
/// the same step (as Optuna's MedianPruner). Nothing is pruned until <paramref name="startupTrials"/> earlier trials
/// have completed, nor before step <paramref name="warmupSteps"/>; a step that no earlier completed trial reported
/// decides nothing, and a value equal to the median is kept.</summary>
/// <remarks>"Earlier" means a smaller trial number: the decision does not depend on which trials happened to finish
/// first, so it is the same in every process and after a restart. With <paramref name="noiseAware"/> a trial is
/// pruned only when it is behind the median by more than the noise measured at that step (<see cref="StepNoise"/>):
/// near-equals survive, clearly worse trials still stop.</remarks>
public sealed class MedianPruner(int startupTrials, int warmupSteps, bool noiseAware = false) : IPruner
{
    public bool ShouldPrune(PrunerTrial trial, IReadOnlyList<PrunerTrial> others, Direction direction)
    {
        if (trial.Last is not { } last || last.Step < warmupSteps) return false;
        var completed = others.Where(o => o.Number < trial.Number && o.State == TrialState.Complete).ToList();
        if (completed.Count == 0 || completed.Count < startupTrials) return false;
        var atStep = completed.Select(o => o.At(last.Step)).OfType<double>().Where(double.IsFinite).ToList();
        if (atStep.Count == 0) return false;
        if (!double.IsFinite(last.Value)) return true;
        var median = Median(atStep);
        var margin = noiseAware ? StepNoise.Margin(last.Step, others.Where(o => o.Number < trial.Number)) : 0;
        // Judge the trial by its best value so far, so one noisy step does not end a good trial.
        var best = direction == Direction.Maximize ? trial.Values.Max(v => v.Value) : trial.Values.Min(v => v.Value);
        return direction == Direction.Maximize ? best < median - margin : best > median + margin;
    }

    public static double Median(IReadOnlyList<double> values) => Statistics.Median(values);
}
