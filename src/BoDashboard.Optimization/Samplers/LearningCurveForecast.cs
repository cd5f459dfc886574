using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>A multi-fidelity model of the study's learning curves: one GP over (parameters, step) fitted to the
/// intermediate values of every trial that reported any (complete, pruned, running), which forecasts where a stopped
/// curve would have ended. A pruned trial's forecast is informed by its own partial curve and by the full curves of
/// trials with similar parameters, so a slow starter whose neighbours finished well is forecast high, and a trial
/// whose neighbours stalled is forecast low: the median-gain estimate gives every trial the same gain.</summary>
/// <remarks>Steps are scaled by the final step (the last step completed trials reached), so the forecast is taken at
/// step input 1; the model predicts the last intermediate value, and the typical difference between a completed
/// trial's value and its last intermediate value (e.g. a best-so-far objective) is added back.</remarks>
internal sealed class LearningCurveForecast
{
    /// <summary>At most this many (parameters, step) points are modelled; a trial gives at most
    /// <see cref="MaxStepsPerTrial"/>, always including its last.</summary>
    public const int MaxPoints = 600;

    public const int MaxStepsPerTrial = 6;

    private readonly GaussianProcessModel model;
    private readonly double finalStep;
    private readonly double offset;

    private LearningCurveForecast(GaussianProcessModel model, double finalStep, double offset)
    {
        this.model = model;
        this.finalStep = finalStep;
        this.offset = offset;
    }

    /// <summary>The model of <paramref name="history"/>'s curves; null when no completed trial reported a curve (then
    /// nothing says where curves end) or the curves hold too few points.</summary>
    public static LearningCurveForecast? Fit(SearchSpace space, IReadOnlyList<TrialRecord> history, int seed)
    {
        var curves = new List<(double[] X, TrialRecord Trial)>();
        foreach (var t in history.OrderByDescending(t => t.Number))
        {
            if (t.State is not (TrialState.Complete or TrialState.Pruned or TrialState.Running)) continue;
            if (t.Intermediate is not { Count: > 0 } || t.Intermediate.All(v => !double.IsFinite(v.Value))) continue;
            if (Encode(space, t) is { } x) curves.Add((x, t));
        }
        var completed = curves.Where(c => c.Trial.State == TrialState.Complete && c.Trial.Value is { } v && double.IsFinite(v)).ToList();
        if (completed.Count == 0) return null;
        var finalStep = (double)completed.Max(c => c.Trial.Intermediate![^1].Step);
        if (finalStep <= 0) return null;
        var offset = Pruners.MedianPruner.Median(completed
            .Select(c => c.Trial.Value!.Value - c.Trial.Intermediate!.Last(v => double.IsFinite(v.Value)).Value).ToList());

        // Newest trials first, so that a long study models its recent curves; each trial's steps spread over its curve.
        var perTrial = Math.Clamp(MaxPoints / curves.Count, 2, MaxStepsPerTrial);
        var inputs = new List<double[]>();
        var targets = new List<double>();
        foreach (var (x, trial) in curves)
        {
            var finite = trial.Intermediate!.Where(v => double.IsFinite(v.Value) && v.Step > 0).ToList();
            foreach (var v in Spread(finite, perTrial))
            {
                if (inputs.Count >= MaxPoints) break;
                inputs.Add([.. x, Math.Min(v.Step / finalStep, 1.5)]);
                targets.Add(v.Value);
            }
        }
        if (inputs.Count < 3) return null;
        var groups = space.LengthScaleGroups;
        var options = new GaussianProcessOptions(Seed: seed, CoordinateGroups: [.. groups, (groups.Count == 0 ? 0 : groups.Max()) + 1]);
        return new LearningCurveForecast(GaussianProcessModel.Fit(inputs, targets, options), finalStep, offset);
    }

    /// <summary>The forecast final value of a trial at unit-cube parameters <paramref name="x"/>, with its standard
    /// deviation (large where no similar curve ran to the end).</summary>
    public (double Mean, double Std) FinalValue(double[] x)
    {
        Span<double> mean = stackalloc double[1];
        Span<double> std = stackalloc double[1];
        model.Predict([.. x, 1.0], mean, std);
        return (mean[0] + offset, std[0]);
    }

    /// <summary>The step scale: the final step that step input 1 stands for.</summary>
    public double FinalStep => finalStep;

    private static double[]? Encode(SearchSpace space, TrialRecord trial)
    {
        try
        {
            var x = space.Encode(trial.Params);
            space.Project(x);
            return x;
        }
        catch (Exception e) when (e is SearchSpaceException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>At most <paramref name="count"/> values evenly spread over the curve, the last always among them.</summary>
    private static IEnumerable<Pruners.StepValue> Spread(List<Pruners.StepValue> curve, int count)
    {
        if (curve.Count <= count) return curve;
        return Enumerable.Range(0, count).Select(i => curve[(int)Math.Round((double)(curve.Count - 1) * (i + 1) / count)]).Distinct();
    }
}
