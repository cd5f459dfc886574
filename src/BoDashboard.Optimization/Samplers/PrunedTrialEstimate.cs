namespace BoDashboard.Optimization.Samplers;

/// <summary>What a pruned trial tells the model: an estimate of the final value it would have reached, its last
/// intermediate value plus the median gain that completed trials made from that step to their final value. A pruned
/// trial is thus neither the worst value (it was stopped for being behind, not for being broken) nor missing (the
/// sampler would propose its neighbourhood again); its partial curve, corrected for the typical remaining progress,
/// is the best evidence there is.</summary>
public sealed class PrunedTrialEstimate
{
    private readonly IReadOnlyList<TrialRecord> completed;

    public PrunedTrialEstimate(IReadOnlyList<TrialRecord> history) =>
        completed = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v) && t.Intermediate is { Count: > 0 }).ToList();

    /// <summary>The estimated final value of a pruned trial; null when it reported no intermediate value.</summary>
    public double? FinalValue(TrialRecord trial)
    {
        if (trial.Intermediate is not { Count: > 0 } curve) return null;
        var last = curve[^1];
        if (!double.IsFinite(last.Value)) return null;
        var gains = new List<double>();
        foreach (var c in completed)
        {
            // The completed trial's value where the pruned one stopped (its first step at or after it).
            var at = c.Intermediate!.Where(v => v.Step >= last.Step).Select(v => (Pruners.StepValue?)v).FirstOrDefault();
            if (at is { } a && double.IsFinite(a.Value)) gains.Add(c.Value!.Value - a.Value);
        }
        return gains.Count == 0 ? last.Value : last.Value + Pruners.MedianPruner.Median(gains);
    }
}
