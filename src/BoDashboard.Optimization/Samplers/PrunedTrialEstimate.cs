using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>What a pruned trial tells the model: an estimate of the final value it would have reached. A pruned trial
/// is thus neither the worst value (it was stopped for being behind, not for being broken) nor missing (the sampler
/// would propose its neighbourhood again). Given the search space, the estimate is the forecast of a
/// <see cref="LearningCurveForecast"/> (a GP over parameters and step, fitted to every trial's partial curve); without
/// one, or when no completed trial has a curve, it is the trial's last intermediate value plus the median gain that
/// completed trials made from that step to their final value. (Weighing the two by their variances was tried: the
/// median gain is biased low, by 0.05-0.1 accuracy on the AlexNet curves, and the blend inherited it; docs/benchmarks.md.)</summary>
public sealed class PrunedTrialEstimate
{
    private readonly IReadOnlyList<TrialRecord> completed;
    private readonly Lazy<LearningCurveForecast?>? forecast;
    private readonly SearchSpace? space;

    /// <param name="space">The study's space, to forecast from the curves of similar trials; null for the median gain.</param>
    /// <param name="seed">Seeds the forecast's hyperparameter fit.</param>
    public PrunedTrialEstimate(IReadOnlyList<TrialRecord> history, SearchSpace? space = null, int seed = 0)
    {
        completed = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v) && t.Intermediate is { Count: > 0 }).ToList();
        this.space = space;
        // Fitted once, on first need: a history without pruned trials never pays for it.
        if (space is not null) forecast = new(() => LearningCurveForecast.Fit(space, history, seed));
    }

    /// <summary>The estimated final value of a pruned trial; null when it reported no intermediate value.</summary>
    public double? FinalValue(TrialRecord trial)
    {
        if (trial.Intermediate is not { Count: > 0 } curve) return null;
        var last = curve[^1];
        if (!double.IsFinite(last.Value)) return null;
        if (forecast?.Value is { } model && Encode(trial) is { } x && model.FinalValue(x).Mean is var f && double.IsFinite(f)) return f;
        return MedianGainEstimate(last);
    }

    /// <summary>The trial's last value plus the median gain of completed trials from that step to their end.</summary>
    private double MedianGainEstimate(Pruners.StepValue last)
    {
        var gains = new List<double>();
        foreach (var c in completed)
        {
            // The completed trial's value where the pruned one stopped (its first step at or after it).
            var at = c.Intermediate!.Where(v => v.Step >= last.Step).Select(v => (Pruners.StepValue?)v).FirstOrDefault();
            if (at is { } a && double.IsFinite(a.Value)) gains.Add(c.Value!.Value - a.Value);
        }
        return gains.Count == 0 ? last.Value : last.Value + Pruners.MedianPruner.Median(gains);
    }

    private double[]? Encode(TrialRecord trial)
    {
        try
        {
            var x = space!.Encode(trial.Params);
            space.Project(x);
            return x;
        }
        catch (Exception e) when (e is SearchSpaceException or FormatException or InvalidCastException)
        {
            return null;
        }
    }
}
