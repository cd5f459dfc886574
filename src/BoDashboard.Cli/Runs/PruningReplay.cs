using BoDashboard.Optimization;
using BoDashboard.Optimization.Pruners;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Cli.Runs;

/// <summary>Replays studies on a recorded learning-curve table: the objective of a suggested (learning rate, weight
/// decay) is the recorded configuration nearest to it in log10 space (no surrogate: every value a study sees was
/// measured). Trials report one value per epoch; the pruner decides after each, exactly as in a live study (earlier
/// trials' stored curves, the same registry); a completed trial's value is its best validation accuracy (the AlexNet
/// objective), a pruned one's its last reported value.</summary>
public sealed class PruningReplay(LearningCurveTable table)
{
    public static readonly SearchSpace Space = new([
        new FloatParameter("learning_rate", LearningCurveRecorder.Low, LearningCurveRecorder.High, Log: true),
        new FloatParameter("weight_decay", LearningCurveRecorder.Low, LearningCurveRecorder.High, Log: true),
    ]);

    /// <param name="prunedTell">How the sampler sees pruned trials: as pruned (an estimate of their final value) or, for
    /// the comparison, dropped (as if cancelled: remembered but no value).</param>
    /// <param name="maxTrials">Stop after this many trials...</param>
    /// <param name="maxEpochs">...or once this many epochs have been trained.</param>
    public ReplayResult Run(string sampler, PrunerSettings pruner, int seed, int maxTrials, int maxEpochs = int.MaxValue, PrunedAs prunedAs = PrunedAs.Forecast)
    {
        var settings = new SamplerSettings(sampler, InitialPoints: 5, Xi: 0.01, Seed: seed, Budget: maxTrials);
        var suggest = SamplerRegistry.Create(settings);
        var decide = PrunerRegistry.Create(pruner);
        var history = new List<TrialRecord>();
        var epochs = 0;
        double? best = null;
        var rows = new List<int>();
        var finals = new List<double>();
        for (var n = 0; n < maxTrials && epochs < maxEpochs; n++)
        {
            var seen = prunedAs switch
            {
                PrunedAs.Dropped => history.Select(t => t.State == TrialState.Pruned ? t with { State = TrialState.Cancelled } : t).ToList(),
                // Completed trials without a curve, so that they inform neither a forecast nor other trials' gains.
                PrunedAs.MedianGain => Seen(history, t => new PrunedTrialEstimate(history).FinalValue(t)),
                PrunedAs.TrueFinal => Seen(history, t => finals[t.Number]),
                _ => history,
            };
            var parameters = suggest.Suggest(Space, Direction.Maximize, seen, 1)[0].Params;
            var curve = Nearest((double)parameters["learning_rate"], (double)parameters["weight_decay"]);
            var others = history.Select(t => new PrunerTrial(t.Number, t.State, t.Intermediate ?? [])).ToList();
            var reported = new List<StepValue>();
            var state = TrialState.Complete;
            foreach (var accuracy in curve.Accuracies)
            {
                reported.Add(new StepValue(reported.Count + 1, accuracy));
                epochs++;
                if (decide.ShouldPrune(new PrunerTrial(n, TrialState.Running, reported), others, Direction.Maximize))
                {
                    state = TrialState.Pruned;
                    break;
                }
            }
            if (curve.Diverged && state == TrialState.Complete) state = TrialState.Failed;
            double? value = state switch
            {
                TrialState.Complete => curve.Accuracies.Max(),
                TrialState.Pruned => reported[^1].Value,
                _ => null,
            };
            if (state == TrialState.Complete) best = Math.Max(best ?? double.MinValue, value!.Value);
            history.Add(new TrialRecord(n, parameters, state, value, reported));
            rows.Add(curve.Index);
            finals.Add(curve.Accuracies.Count > 0 ? curve.Accuracies.Max() : 0);
        }
        // How well each treatment estimated the pruned trials' true final values, at the end of the study.
        var forecast = new PrunedTrialEstimate(history, Space, seed);
        var medianGain = new PrunedTrialEstimate(history);
        var estimates = history.Where(t => t.State == TrialState.Pruned)
            .Select(t => new PrunedEstimate(finals[t.Number], forecast.FinalValue(t) ?? double.NaN, medianGain.FinalValue(t) ?? double.NaN)).ToList();
        return new ReplayResult(best, epochs, history.Count, history.Count(t => t.State == TrialState.Pruned), rows.Distinct().Count(), estimates);
    }

    private static List<TrialRecord> Seen(List<TrialRecord> history, Func<TrialRecord, double?> value) =>
        history.Select(t => t.State == TrialState.Pruned ? t with { State = TrialState.Complete, Value = value(t), Intermediate = null } : t).ToList();

    private RecordedCurve Nearest(double learningRate, double weightDecay) => table.Curves.MinBy(c =>
        Math.Pow(Math.Log10(c.LearningRate) - Math.Log10(learningRate), 2) + Math.Pow(Math.Log10(c.WeightDecay) - Math.Log10(weightDecay), 2))!;
}

/// <summary>How the sampler sees a pruned trial.</summary>
public enum PrunedAs
{
    /// <summary>As pruned: the product's treatment (<see cref="PrunedTrialEstimate"/> with the search space, i.e. the
    /// learning-curve forecast).</summary>
    Forecast,

    /// <summary>Its last value plus the median gain of completed trials from there (the earlier treatment).</summary>
    MedianGain,

    /// <summary>Not at all: as if cancelled (remembered, no value).</summary>
    Dropped,

    /// <summary>The final value it would really have reached (known only to a replay): the upper bound for any estimate.</summary>
    TrueFinal,
}

/// <param name="BestAccuracy">Best final validation accuracy among completed trials (null when none completed).</param>
/// <param name="Distinct">How many different recorded configurations the trials ran (a suggestion whose nearest
/// configuration was already run replays the same curve).</param>
/// <param name="Estimates">Each pruned trial's true final value and its two estimates at the end of the study.</param>
public sealed record ReplayResult(double? BestAccuracy, int Epochs, int Trials, int Pruned, int Distinct, IReadOnlyList<PrunedEstimate> Estimates);

/// <summary>A pruned trial's true final value (from the table), its learning-curve forecast and its median-gain estimate.</summary>
public sealed record PrunedEstimate(double TrueFinal, double Forecast, double MedianGain);
