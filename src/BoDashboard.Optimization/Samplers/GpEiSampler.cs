using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// Bayesian optimisation: <see cref="SamplerSettings.InitialPoints"/> random trials, then the maximiser of the
/// acquisition (EI by default) under a GP fitted to the completed trials. Pending (running) trials and earlier
/// points of the same batch enter the GP as fantasies at its own mean ("kriging believer"), which flattens the
/// acquisition there, so a batch spreads out; exact repeats are refused outright.
/// </summary>
public sealed class GpEiSampler(SamplerSettings settings) : ISampler
{
    public SamplerSettings Settings { get; } = settings;

    public IReadOnlyList<Suggestion> Suggest(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int count) =>
        SuggestWithModel(space, direction, history, count).Suggestions;

    /// <summary>
    /// The suggestions and the GP that chose the first acquisition-driven one (null while still in the initial
    /// random phase), so the posterior slicer can draw exactly the model behind the next candidate.
    /// </summary>
    internal (IReadOnlyList<Suggestion> Suggestions, GaussianProcessModel? Model) SuggestWithModel(SearchSpace space, Direction direction,
        IReadOnlyList<TrialRecord> history, int count)
    {
        var observations = ObservationSet.From(space, direction, history);
        var random = SamplerSeed.For(Settings.Seed, history.Count);
        var suggestions = new List<Suggestion>(count);
        GaussianProcessModel? model = null;
        GaussianProcessModel? first = null;
        for (var i = 0; i < count; i++)
        {
            if (history.Count + i < Settings.InitialPoints || observations.CompletedCount == 0)
            {
                var x = observations.FreshRandom(random);
                observations.Remember(x);
                suggestions.Add(new Suggestion(space.Decode(x), history.Count + i < Settings.InitialPoints ? "initial" : "random", null));
                continue;
            }

            model ??= FitWithPending(observations, history.Count);
            first ??= model;
            var last = Settings.Budget is { } budget && history.Count + i == budget - 1;
            var (point, value) = NextPoint(space, observations, model, random, last);
            observations.Remember(point);
            suggestions.Add(new Suggestion(space.Decode(point), "acquisition", double.IsFinite(value) ? value : null));
            if (i + 1 < count)
            {
                model = model.Condition([point], [Believe(model, point)]);
            }
        }

        return (suggestions, first);
    }

    /// <summary>The GP on the completed (and imputed) trials, conditioned on pending trials at its own mean.</summary>
    internal GaussianProcessModel FitWithPending(ObservationSet observations, int trials)
    {
        var options = new GaussianProcessOptions(FixedNoise: Settings.Noise, Seed: SamplerSeed.Mix(Settings.Seed, trials, salt: 1));
        var model = GaussianProcessModel.Fit(observations.Inputs, observations.Targets, options);
        if (observations.Pending.Count == 0)
        {
            return model;
        }

        var fantasies = observations.Pending.Select(p => Believe(model, p)).ToArray();
        return model.Condition(observations.Pending, fantasies);
    }

    /// <summary>The acquisition's maximiser among points not yet tried or pending.</summary>
    /// <remarks>
    /// With a known budget the final trial maximises the posterior mean instead: exploration can no longer pay off,
    /// so the last evaluation goes where the model believes the optimum is.
    /// </remarks>
    internal (double[] Point, double Value) NextPoint(SearchSpace space, ObservationSet observations, GaussianProcessModel model,
        Random random, bool last = false)
    {
        var acquisition = last
            ? new UpperConfidenceBound(model, 0.0)
            : AcquisitionFunctions.Create(Settings.Acquisition, model, Settings.Xi, Settings.Kappa);
        var optimizer = new AcquisitionOptimizer(space, OptimizerOptions(model.Count));
        return optimizer.Maximize(acquisition, random, observations.Best(5), observations.IsNew);
    }

    /// <summary>
    /// Candidate budget shrinks with n because scoring one candidate costs O(n^2): about 3e7 multiply-adds per
    /// suggestion, never fewer than 500 uniform candidates nor more than bayes_opt's 10,000.
    /// </summary>
    internal static AcquisitionOptimizerOptions OptimizerOptions(int n)
    {
        var raw = (int)Math.Clamp(3e7 / Math.Max(1.0, (double)n * n), 500, 10000);
        return new AcquisitionOptimizerOptions(RawSamples: raw, LocalSamples: Math.Max(150, raw / 5), Restarts: n > 150 ? 5 : 10);
    }

    private static double Believe(GaussianProcessModel model, double[] point)
    {
        Span<double> mean = stackalloc double[1];
        Span<double> std = stackalloc double[1];
        model.Predict(point, mean, std);
        return mean[0];
    }
}
