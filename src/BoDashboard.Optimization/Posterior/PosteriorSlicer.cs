using System.Globalization;
using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Posterior;

/// <summary>
/// Computes what the study page's heatmaps draw: the GP behind the sampler's next suggestion, evaluated on a grid
/// over one or two parameters with the rest held at the best trial. Rebuilt from the history alone, like a sampler.
/// </summary>
public sealed class PosteriorSlicer
{
    public const int DefaultResolution = 50;

    public PosteriorSlice2D Slice2D(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        string xName, string yName, int resolution = DefaultResolution)
    {
        var xIndex = SliceableIndex(space, xName, nameof(xName));
        var yIndex = SliceableIndex(space, yName, nameof(yName));
        if (xIndex == yIndex)
        {
            throw new ArgumentException("x and y must be different parameters", nameof(yName));
        }

        resolution = Math.Clamp(resolution, 2, 500);
        var context = Prepare(space, direction, history, settings);
        var units = Units(resolution);
        var mean = new double[resolution][];
        var std = new double[resolution][];
        var acquisition = new double[resolution][];
        if (context.Model is { } model)
        {
            var points = new double[resolution * resolution * space.Dimension];
            for (var iy = 0; iy < resolution; iy++)
            {
                for (var ix = 0; ix < resolution; ix++)
                {
                    var row = points.AsSpan((iy * resolution + ix) * space.Dimension, space.Dimension);
                    context.Base.CopyTo(row);
                    row[space.OffsetOf(xIndex)] = units[ix];
                    row[space.OffsetOf(yIndex)] = units[iy];
                }
            }

            var (m, s, a) = Evaluate(context, model, points, resolution * resolution);
            for (var iy = 0; iy < resolution; iy++)
            {
                mean[iy] = m.AsSpan(iy * resolution, resolution).ToArray();
                std[iy] = s.AsSpan(iy * resolution, resolution).ToArray();
                acquisition[iy] = a.AsSpan(iy * resolution, resolution).ToArray();
            }
        }
        else
        {
            mean = std = acquisition = [];
        }

        var observations = context.Completed
            .Select(t => new PosteriorObservation(t.Number, Natural(t.Params[xName]), Natural(t.Params[yName]), t.Value!.Value))
            .ToArray();
        return new PosteriorSlice2D(xName, yName, IsLog(space.Parameters[xIndex]), IsLog(space.Parameters[yIndex]),
            Axis(space, xIndex, units), Axis(space, yIndex, units), mean, std, acquisition, settings.Acquisition.ToLowerInvariant(),
            observations, context.Best, context.Next, Fixed(context.BaseParams, xName, yName))
        {
            PrunedObservations = context.Pruned
                .Select(p => new PosteriorObservation(p.Trial.Number, Natural(p.Trial.Params[xName]), Natural(p.Trial.Params[yName]), p.Value))
                .ToArray(),
        };
    }

    public PosteriorSlice1D Slice1D(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        string xName, int resolution = 200)
    {
        var xIndex = SliceableIndex(space, xName, nameof(xName));
        resolution = Math.Clamp(resolution, 2, 5000);
        var context = Prepare(space, direction, history, settings);
        var units = Units(resolution);
        double[] mean = [], std = [], acquisition = [];
        if (context.Model is { } model)
        {
            var points = new double[resolution * space.Dimension];
            for (var ix = 0; ix < resolution; ix++)
            {
                var row = points.AsSpan(ix * space.Dimension, space.Dimension);
                context.Base.CopyTo(row);
                row[space.OffsetOf(xIndex)] = units[ix];
            }

            (mean, std, acquisition) = Evaluate(context, model, points, resolution);
        }

        var observations = context.Completed
            .Select(t => new PosteriorObservation(t.Number, Natural(t.Params[xName]), null, t.Value!.Value))
            .ToArray();
        return new PosteriorSlice1D(xName, IsLog(space.Parameters[xIndex]), Axis(space, xIndex, units), mean, std, acquisition,
            settings.Acquisition.ToLowerInvariant(), observations, context.Best, context.Next, Fixed(context.BaseParams, xName))
        {
            PrunedObservations = context.Pruned
                .Select(p => new PosteriorObservation(p.Trial.Number, Natural(p.Trial.Params[xName]), null, p.Value))
                .ToArray(),
        };
    }

    private sealed record Context(
        GaussianProcessModel? Model,
        IAcquisition? Acquisition,
        Direction Direction,
        double[] Base,
        IReadOnlyDictionary<string, object> BaseParams,
        IReadOnlyList<TrialRecord> Completed,
        IReadOnlyList<(TrialRecord Trial, double Value)> Pruned,
        PosteriorPoint? Best,
        PosteriorPoint? Next);

    private static Context Prepare(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings)
    {
        var completed = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToArray();
        var pruned = history.Where(t => t.State == TrialState.Pruned).Select(t => (Trial: t, Value: StoppedAt(t)))
            .Where(p => p.Value is { } v && double.IsFinite(v)).Select(p => (p.Trial, p.Value!.Value)).ToArray();
        var best = AskTellOptimizer.BestOf(completed, direction);
        GaussianProcessModel? model = null;
        Suggestion next;
        var gp = new GpEiSampler(settings);
        if (settings.Name == "gp-ei")
        {
            // The very model that picks the next candidate, so the cross on the EI map is its maximum.
            var (suggestions, fitted) = gp.SuggestWithModel(space, direction, history, 1);
            next = suggestions[0];
            model = fitted;
        }
        else
        {
            next = SamplerRegistry.Create(settings).Suggest(space, direction, history, 1)[0];
        }

        if (model is null && completed.Length > 0)
        {
            model = gp.FitWithPending(ObservationSet.From(space, direction, history), history.Count);
        }

        var baseParams = best?.Params ?? space.Decode(Enumerable.Repeat(0.5, space.Dimension).ToArray());
        var basePoint = space.Encode(baseParams);
        var acquisition = model is null ? null : AcquisitionFunctions.Create(settings.Acquisition, model, settings.Xi, settings.Kappa);
        return new Context(model, acquisition, direction, basePoint, baseParams, completed, pruned,
            best is null ? null : new PosteriorPoint(best.Params, best.Value), new PosteriorPoint(next.Params, null));
    }

    /// <summary>The value a pruned trial was stopped at: its stored value, else its last intermediate value.</summary>
    private static double? StoppedAt(TrialRecord trial) =>
        trial.Value ?? (trial.Intermediate is { Count: > 0 } curve ? curve[^1].Value : null);

    /// <summary>Mean and std in objective units (sign restored when minimising) and the acquisition, for m points.</summary>
    private static (double[] Mean, double[] Std, double[] Acquisition) Evaluate(Context context, GaussianProcessModel model, double[] points, int m)
    {
        var mean = new double[m];
        var std = new double[m];
        var acquisition = new double[m];
        if (context.Acquisition is PosteriorAcquisition posterior)
        {
            // One prediction serves both the surfaces and the acquisition (it scores standardised values).
            var zMean = new double[m];
            var zStd = new double[m];
            model.PredictStandardized(points, zMean, zStd);
            for (var i = 0; i < m; i++)
            {
                acquisition[i] = posterior.Score(zMean[i], zStd[i], out _, out _);
            }

            model.ToObjectiveUnits(zMean, zStd, mean, std);
        }
        else
        {
            model.Predict(points, mean, std);
            context.Acquisition!.Evaluate(points, acquisition);
        }

        if (context.Direction == Direction.Minimize)
        {
            for (var i = 0; i < m; i++)
            {
                mean[i] = -mean[i];
            }
        }

        return (mean, std, acquisition);
    }

    private static int SliceableIndex(SearchSpace space, string name, string argument)
    {
        var index = space.IndexOf(name);
        if (index < 0)
        {
            throw new ArgumentException($"parameter '{name}' is not in the search space", argument);
        }

        if (space.Parameters[index] is CategoricalParameter)
        {
            throw new ArgumentException($"parameter '{name}' is categorical and has no axis to slice along", argument);
        }

        return index;
    }

    private static double[] Units(int resolution) => Enumerable.Range(0, resolution).Select(i => i / (double)(resolution - 1)).ToArray();

    /// <summary>Natural-unit axis values (not rounded for ints, so the surface stays smooth).</summary>
    private static double[] Axis(SearchSpace space, int index, double[] units)
    {
        var (low, high, log) = space.Parameters[index] switch
        {
            FloatParameter f => (f.Low, f.High, f.Log),
            IntParameter n => ((double)n.Low, (double)n.High, n.Log),
            _ => throw new InvalidOperationException("categorical parameters have no axis"),
        };
        return units.Select(u => log ? Math.Pow(10, Math.Log10(low) + u * (Math.Log10(high) - Math.Log10(low))) : low + u * (high - low)).ToArray();
    }

    private static bool IsLog(ParameterSpec p) => p is FloatParameter { Log: true } or IntParameter { Log: true };

    private static double Natural(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, object> Fixed(IReadOnlyDictionary<string, object> all, params string[] varied) =>
        all.Where(kv => !varied.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
}
