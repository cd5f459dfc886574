namespace BoDashboard.Optimization.Pruners;

/// <summary>How noisy intermediate values are around a step, measured on the trials' own curves: each curve that has
/// three consecutive reports around the step gives the middle value's distance from the straight line through its two
/// neighbours (a difference-based variance estimator, as Gasser, Sroka and Jennen-Steinmetz 1986), and the noise is the
/// robust spread (median absolute residual / 0.6745) of these, scaled to one value's standard deviation. A curve's
/// curvature counts as noise too, so early steps, where curves still bend and cross, come out noisier than late
/// ones: exactly where a single value ranks trials least reliably. Zero when fewer than
/// <see cref="MinimumResiduals"/> curves reach around the step (nothing measured, nothing assumed).</summary>
public static class StepNoise
{
    public const int MinimumResiduals = 3;

    /// <summary>The standard deviation of one intermediate value at <paramref name="step"/>.</summary>
    public static double At(int step, IEnumerable<PrunerTrial> trials)
    {
        var scaled = new List<double>();
        foreach (var trial in trials)
        {
            if (Residual(step, trial.Values) is { } r) scaled.Add(r);
        }
        if (scaled.Count < MinimumResiduals) return 0;
        return MedianPruner.Median(scaled) / 0.6745;
    }

    /// <summary>The margin a pruner grants before calling one value worse than a cut-off: the standard deviation of the
    /// difference of two values at the step (√2 · noise).</summary>
    public static double Margin(int step, IEnumerable<PrunerTrial> trials) => Math.Sqrt(2) * At(step, trials);

    /// <summary>|residual| / its standard deviation in units of the noise, for the triple of reports centred nearest
    /// <paramref name="step"/> that spans it; null when the curve has no such triple.</summary>
    private static double? Residual(int step, IReadOnlyList<StepValue> values)
    {
        if (values.Count < 3) return null;
        var nearest = 0;
        for (var i = 1; i < values.Count; i++)
            if (Math.Abs(values[i].Step - step) < Math.Abs(values[nearest].Step - step)) nearest = i;
        var j = Math.Clamp(nearest, 1, values.Count - 2);
        var (a, b, c) = (values[j - 1], values[j], values[j + 1]);
        if (step < a.Step || step > c.Step || c.Step <= a.Step) return null;
        if (!double.IsFinite(a.Value) || !double.IsFinite(b.Value) || !double.IsFinite(c.Value)) return null;
        double left = b.Step - a.Step, right = c.Step - b.Step, span = c.Step - a.Step;
        var line = (a.Value * right + c.Value * left) / span;
        // Var(b - line) = σ² (1 + (right² + left²) / span²): 1.5 σ² for evenly spaced steps.
        var scale = Math.Sqrt(1 + (right * right + left * left) / (span * span));
        return Math.Abs(b.Value - line) / scale;
    }
}
