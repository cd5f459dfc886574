using System.Globalization;
using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Posterior;

/// <summary>
/// Computes what the study page's heatmaps draw: the GP behind the sampler's next proposal, evaluated on a grid
/// over one or two parameters with the rest held at chosen values (by default the best trial's), the trials with
/// their distance from that slice, and the point the sampler will really propose next. Rebuilt from the history
/// alone, like a sampler; running trials in the history are the sampler's pending points.
/// </summary>
public sealed class PosteriorSlicer
{
    public const int DefaultResolution = 50;

    public PosteriorSlice2D Slice2D(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        string xName, string yName, int resolution = DefaultResolution, SliceOptions? options = null)
    {
        var xIndex = SliceableIndex(space, xName, nameof(xName));
        var yIndex = SliceableIndex(space, yName, nameof(yName));
        if (xIndex == yIndex)
        {
            throw new ArgumentException("x and y must be different parameters", nameof(yName));
        }

        resolution = Math.Clamp(resolution, 2, 500);
        var context = Prepare(space, direction, history, settings, options ?? SliceOptions.Default, xName, yName);
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
            .Select(t => Mark(new PosteriorObservation(t.Number, Natural(t.Params[xName]), Natural(t.Params[yName]), t.Value!.Value), t, context))
            .ToArray();
        return new PosteriorSlice2D(xName, yName, IsLog(space.Parameters[xIndex]), IsLog(space.Parameters[yIndex]),
            Axis(space, xIndex, units), Axis(space, yIndex, units), mean, std, acquisition, settings.Acquisition.ToLowerInvariant(),
            observations, context.Best, context.Next, Fixed(context.BaseParams, xName, yName))
        {
            PrunedObservations = context.Pruned
                .Select(p => Mark(new PosteriorObservation(p.Trial.Number, Natural(p.Trial.Params[xName]), Natural(p.Trial.Params[yName]), p.Value), p.Trial, context))
                .ToArray(),
            RunningTrials = context.Running
                .Select(t => new PosteriorRunningTrial(t.Number, Natural(t.Params[xName]), Natural(t.Params[yName]), t.Params, context.DistanceOf(t)))
                .ToArray(),
            NextRegion = context.Region(xIndex, yIndex),
        };
    }

    public PosteriorSlice1D Slice1D(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        string xName, int resolution = 200, SliceOptions? options = null)
    {
        var xIndex = SliceableIndex(space, xName, nameof(xName));
        resolution = Math.Clamp(resolution, 2, 5000);
        var context = Prepare(space, direction, history, settings, options ?? SliceOptions.Default, xName);
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
            .Select(t => Mark(new PosteriorObservation(t.Number, Natural(t.Params[xName]), null, t.Value!.Value), t, context))
            .ToArray();
        return new PosteriorSlice1D(xName, IsLog(space.Parameters[xIndex]), Axis(space, xIndex, units), mean, std, acquisition,
            settings.Acquisition.ToLowerInvariant(), observations, context.Best, context.Next, Fixed(context.BaseParams, xName))
        {
            PrunedObservations = context.Pruned
                .Select(p => Mark(new PosteriorObservation(p.Trial.Number, Natural(p.Trial.Params[xName]), null, p.Value), p.Trial, context))
                .ToArray(),
            RunningTrials = context.Running
                .Select(t => new PosteriorRunningTrial(t.Number, Natural(t.Params[xName]), null, t.Params, context.DistanceOf(t)))
                .ToArray(),
            NextRegion = context.Region(xIndex, null),
        };
    }

    private sealed record Context(
        SearchSpace Space,
        GaussianProcessModel? Model,
        IAcquisition? Acquisition,
        Direction Direction,
        double[] Base,
        IReadOnlyDictionary<string, object> BaseParams,
        IReadOnlyList<TrialRecord> Completed,
        IReadOnlyList<(TrialRecord Trial, double Value)> Pruned,
        IReadOnlyList<TrialRecord> Running,
        PosteriorPoint? Best,
        PosteriorPoint? Next,
        SamplerProposal? Proposal,
        IReadOnlyList<int> OffAxis)
    {
        /// <summary>Root mean square, over the parameters not on the axes, of each one's distance from the slice.</summary>
        public double DistanceOf(TrialRecord trial)
        {
            if (OffAxis.Count == 0) return 0;
            double[] x;
            try { x = Space.Encode(trial.Params); }
            catch (Exception e) when (e is SearchSpaceException or FormatException or InvalidCastException) { return 1; }
            var sum = 0.0;
            foreach (var index in OffAxis)
            {
                var offset = Space.OffsetOf(index);
                var d = Space.Parameters[index] is CategoricalParameter c
                    ? (Enumerable.Range(offset, c.Choices.Count).Any(k => x[k] != Base[k]) ? 1.0 : 0.0)
                    : Math.Abs(x[offset] - Base[offset]);
                sum += d * d;
            }

            return Math.Sqrt(sum / OffAxis.Count);
        }

        /// <summary>A trust-region step's box on the slice's axes, in natural units.</summary>
        public PosteriorRegion? Region(int xIndex, int? yIndex)
        {
            if (Proposal is not { RegionLower: { } lower, RegionUpper: { } upper }) return null;
            var (xLow, xHigh) = (NaturalAt(Space, xIndex, lower[Space.OffsetOf(xIndex)]), NaturalAt(Space, xIndex, upper[Space.OffsetOf(xIndex)]));
            return yIndex is { } y
                ? new PosteriorRegion(xLow, xHigh, NaturalAt(Space, y, lower[Space.OffsetOf(y)]), NaturalAt(Space, y, upper[Space.OffsetOf(y)]))
                : new PosteriorRegion(xLow, xHigh, null, null);
        }
    }

    private static Context Prepare(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        SliceOptions options, params string[] axes)
    {
        var completed = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToArray();
        var pruned = history.Where(t => t.State == TrialState.Pruned).Select(t => (Trial: t, Value: StoppedAt(t)))
            .Where(p => p.Value is { } v && double.IsFinite(v)).Select(p => (p.Trial, p.Value!.Value)).ToArray();
        var running = history.Where(t => t.State == TrialState.Running).ToArray();
        var best = AskTellOptimizer.BestOf(completed, direction);
        var gp = new GpEiSampler(settings);
        SamplerProposal? proposal = null;
        if (options.ProposeNext)
        {
            // What the study will really try next: the GP-EI sampler's own proposal (a trust-region or final step
            // included) and the very model behind it, so the maps and the cross come from one decision.
            proposal = settings.Name == "gp-ei"
                ? gp.Propose(space, direction, history)
                : SamplerRegistry.Create(settings).Suggest(space, direction, history, 1)[0] is var s
                    ? new SamplerProposal(s.Params, s.SuggestedBy, s.AcquisitionValue, null)
                    : null;
        }

        var model = proposal?.Model;
        if (model is null && completed.Length > 0)
        {
            model = gp.FitWithPending(ObservationSet.From(space, direction, history), history.Count);
        }

        var baseParams = WithFixed(space, best?.Params ?? space.Decode(Enumerable.Repeat(0.5, space.Dimension).ToArray()), options.Fixed, axes);
        var basePoint = space.Encode(baseParams);
        var acquisition = model is null ? null : AcquisitionFunctions.Create(settings.Acquisition, model, settings.Xi, settings.Kappa);
        var offAxis = Enumerable.Range(0, space.Parameters.Count).Where(i => !axes.Contains(space.Parameters[i].Name)).ToArray();
        var next = proposal is null ? null
            : new PosteriorPoint(proposal.Params, null) { Origin = proposal.Origin, AcquisitionValue = proposal.AcquisitionValue };
        return new Context(space, model, acquisition, direction, basePoint, baseParams, completed, pruned, running,
            best is null ? null : new PosteriorPoint(best.Params, best.Value), next, proposal, offAxis);
    }

    /// <summary>The best trial's parameters with the caller's fixed values put in (checked against the space; values
    /// for the axes' parameters are ignored, since those vary).</summary>
    private static IReadOnlyDictionary<string, object> WithFixed(SearchSpace space, IReadOnlyDictionary<string, object> baseParams,
        IReadOnlyDictionary<string, object>? fixedValues, string[] axes)
    {
        if (fixedValues is null || fixedValues.Count == 0) return baseParams;
        var merged = baseParams.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal);
        foreach (var (name, value) in fixedValues)
        {
            if (space.IndexOf(name) < 0)
            {
                throw new ArgumentException($"cannot fix '{name}': it is not a parameter of the search space", nameof(fixedValues));
            }

            if (!axes.Contains(name)) merged[name] = value;
        }

        try
        {
            return space.Coerce(merged);
        }
        catch (SearchSpaceException e)
        {
            throw new ArgumentException($"invalid fixed value: {e.Message}", nameof(fixedValues), e);
        }
    }

    private static PosteriorObservation Mark(PosteriorObservation observation, TrialRecord trial, Context context) =>
        observation with { Params = trial.Params, Distance = context.DistanceOf(trial) };

    private static double NaturalAt(SearchSpace space, int index, double unit) =>
        Axis(space, index, [Math.Clamp(unit, 0, 1)])[0];

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
