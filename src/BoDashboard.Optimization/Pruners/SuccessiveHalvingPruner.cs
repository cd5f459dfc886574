namespace BoDashboard.Optimization.Pruners;

/// <summary>Asynchronous successive halving (ASHA): rung k sits at step
/// <c>minResource · reductionFactor^(earlyStoppingRate + k)</c>. A trial that reaches a rung goes on only if its value
/// there is in the top 1/reductionFactor of the values every earlier trial had at that rung (the first trials at a rung,
/// fewer than reductionFactor, go on only if they are the best there so far). Rung values are derived from the stored
/// intermediate values (a trial's value at the first step it reported at or after the rung), so nothing lives in memory.</summary>
/// <remarks>"Earlier" means a smaller trial number, for decisions that do not depend on timing. With
/// <paramref name="noiseAware"/> a trial goes on also when it is behind the rung's cut-off by no more than the noise
/// measured at the rung (<see cref="StepNoise"/>), so near-equals are not halved away by chance.</remarks>
public sealed class SuccessiveHalvingPruner(int minResource, int reductionFactor, int earlyStoppingRate = 0, bool noiseAware = false) : IPruner
{
    public int MinResource { get; } = minResource;
    public int ReductionFactor { get; } = reductionFactor;
    public int EarlyStoppingRate { get; } = earlyStoppingRate;
    public bool NoiseAware { get; } = noiseAware;

    /// <summary>The step of rung <paramref name="k"/>; int.MaxValue once it no longer fits.</summary>
    public long RungStep(int k)
    {
        var step = (double)MinResource * Math.Pow(ReductionFactor, EarlyStoppingRate + k);
        return step > int.MaxValue ? int.MaxValue : (long)step;
    }

    public bool ShouldPrune(PrunerTrial trial, IReadOnlyList<PrunerTrial> others, Direction direction) =>
        ShouldPrune(trial, others.Where(o => o.Number < trial.Number), direction);

    /// <param name="competitors">The trials whose rung values count (Hyperband passes only its bracket's).</param>
    public bool ShouldPrune(PrunerTrial trial, IEnumerable<PrunerTrial> competitors, Direction direction)
    {
        if (trial.Last is not { } last) return false;
        var rivals = competitors.ToList();
        for (var k = 0; RungStep(k) <= last.Step; k++)
        {
            var rung = (int)RungStep(k);
            var mine = trial.FirstAtOrAfter(rung)!.Value.Value;
            if (!double.IsFinite(mine)) return true;
            var values = rivals.Select(r => r.FirstAtOrAfter(rung)?.Value).OfType<double>().Where(double.IsFinite).Append(mine).ToList();
            var margin = NoiseAware ? StepNoise.Margin(rung, rivals) : 0;
            if (!Promotable(mine, values, direction, margin)) return true;
        }
        return false;
    }

    /// <summary>In the top 1/reductionFactor of <paramref name="values"/> (which include <paramref name="value"/>);
    /// with fewer than reductionFactor values, only the best goes on. <paramref name="margin"/> widens the cut-off.</summary>
    private bool Promotable(double value, List<double> values, Direction direction, double margin)
    {
        var keep = Math.Max(1, values.Count / ReductionFactor);
        var ordered = direction == Direction.Maximize ? values.OrderDescending().ToList() : values.Order().ToList();
        var threshold = ordered[keep - 1];
        return direction == Direction.Maximize ? value >= threshold - margin : value <= threshold + margin;
    }
}
