using System.Globalization;
using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Posterior;

/// <summary>
/// Computes what the study page's maps draw: the GP behind the sampler's next proposal, evaluated on a grid over one
/// or two numeric parameters with the rest held at chosen values (by default the best trial's), the trials with
/// their distance from that slice, and the point the sampler will really propose next (a trust-region or final
/// step included). Rebuilt from the history alone, like a sampler; running trials are its pending points.
/// </summary>
public sealed class PosteriorSlicer
{
    public const int DefaultResolution = 50;

    /// <summary>Fits what all slices of <paramref name="history"/> share; <paramref name="proposeNext"/> false for a
    /// study that will propose no more trials (finished, or its budget used).</summary>
    public PosteriorModel Fit(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        bool proposeNext = true)
    {
        var completed = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToArray();
        var pruned = history.Where(t => t.State == TrialState.Pruned).Select(t => (Trial: t, Value: StoppedAt(t)))
            .Where(p => p.Value is { } v && double.IsFinite(v)).Select(p => (p.Trial, p.Value!.Value)).ToArray();
        var running = history.Where(t => t.State == TrialState.Running).ToArray();
        var gp = new GpEiSampler(settings);
        SamplerProposal? proposal = null;
        if (proposeNext)
        {
            // The sampler's own decision and the very model behind it, so the maps and the cross come from one place.
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

        var acquisition = model is null ? null : AcquisitionFunctions.Create(settings.Acquisition, model, settings.Xi, settings.Kappa);
        return new PosteriorModel(space, direction, settings.Acquisition.ToLowerInvariant(), model, acquisition, proposal,
            AskTellOptimizer.BestOf(completed, direction), completed, pruned, running);
    }

    public PosteriorSlice2D Slice2D(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        string xName, string yName, int resolution = DefaultResolution, SliceOptions? options = null) =>
        Slice2D(Fit(space, direction, history, settings, options?.ProposeNext ?? true), xName, yName, resolution, options?.Fixed);

    public PosteriorSlice1D Slice1D(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings,
        string xName, int resolution = 200, SliceOptions? options = null) =>
        Slice1D(Fit(space, direction, history, settings, options?.ProposeNext ?? true), xName, resolution, options?.Fixed);

    /// <summary>The posterior over <paramref name="xName"/> and <paramref name="yName"/>, the other parameters at
    /// <paramref name="fixedValues"/> (natural units, numbers also as strings) or else the best trial's.</summary>
    public PosteriorSlice2D Slice2D(PosteriorModel fitted, string xName, string yName, int resolution = DefaultResolution,
        IReadOnlyDictionary<string, object>? fixedValues = null)
    {
        var space = fitted.Space;
        var xIndex = SliceableIndex(space, xName, nameof(xName));
        var yIndex = SliceableIndex(space, yName, nameof(yName));
        if (xIndex == yIndex)
        {
            throw new ArgumentException("x and y must be different parameters", nameof(yName));
        }

        resolution = Math.Clamp(resolution, 2, 500);
        var cut = new Cut(fitted, fixedValues, xName, yName);
        var units = Units(resolution);
        double[][] mean = [], std = [], acquisition = [];
        if (fitted.Model is { } model)
        {
            var points = new double[resolution * resolution * space.Dimension];
            for (var iy = 0; iy < resolution; iy++)
            {
                for (var ix = 0; ix < resolution; ix++)
                {
                    var row = points.AsSpan((iy * resolution + ix) * space.Dimension, space.Dimension);
                    cut.Base.CopyTo(row);
                    row[space.OffsetOf(xIndex)] = units[ix];
                    row[space.OffsetOf(yIndex)] = units[iy];
                }
            }

            var (m, s, a) = Evaluate(fitted, model, points, resolution * resolution);
            mean = Rows(m, resolution);
            std = Rows(s, resolution);
            acquisition = Rows(a, resolution);
        }

        return new PosteriorSlice2D(xName, yName, IsLog(space.Parameters[xIndex]), IsLog(space.Parameters[yIndex]),
            Axis(space, xIndex, units), Axis(space, yIndex, units), mean, std, acquisition, fitted.AcquisitionName,
            fitted.Completed.Select(t => cut.Observation(t, t.Value!.Value)).ToArray(), Best(fitted), Next(fitted, cut), cut.Fixed)
        {
            PrunedObservations = fitted.Pruned.Select(p => cut.Observation(p.Trial, p.Value)).ToArray(),
            RunningTrials = fitted.Running.Select(cut.RunningTrial).ToArray(),
            NextRegion = cut.Region(xIndex, yIndex),
        };
    }

    /// <summary>The posterior along <paramref name="xName"/>, the other parameters as in <see cref="Slice2D(PosteriorModel, string, string, int, IReadOnlyDictionary{string, object}?)"/>.</summary>
    public PosteriorSlice1D Slice1D(PosteriorModel fitted, string xName, int resolution = 200, IReadOnlyDictionary<string, object>? fixedValues = null)
    {
        var space = fitted.Space;
        var xIndex = SliceableIndex(space, xName, nameof(xName));
        resolution = Math.Clamp(resolution, 2, 5000);
        var cut = new Cut(fitted, fixedValues, xName);
        var units = Units(resolution);
        double[] mean = [], std = [], acquisition = [];
        if (fitted.Model is { } model)
        {
            var points = new double[resolution * space.Dimension];
            for (var ix = 0; ix < resolution; ix++)
            {
                var row = points.AsSpan(ix * space.Dimension, space.Dimension);
                cut.Base.CopyTo(row);
                row[space.OffsetOf(xIndex)] = units[ix];
            }

            (mean, std, acquisition) = Evaluate(fitted, model, points, resolution);
        }

        return new PosteriorSlice1D(xName, IsLog(space.Parameters[xIndex]), Axis(space, xIndex, units), mean, std, acquisition,
            fitted.AcquisitionName, fitted.Completed.Select(t => cut.Observation(t, t.Value!.Value)).ToArray(), Best(fitted), Next(fitted, cut), cut.Fixed)
        {
            PrunedObservations = fitted.Pruned.Select(p => cut.Observation(p.Trial, p.Value)).ToArray(),
            RunningTrials = fitted.Running.Select(cut.RunningTrial).ToArray(),
            NextRegion = cut.Region(xIndex, null),
        };
    }

    private static PosteriorPoint? Best(PosteriorModel fitted) =>
        fitted.Best is { } best ? new PosteriorPoint(best.Params, best.Value) : null;

    private static PosteriorPoint? Next(PosteriorModel fitted, Cut cut) => fitted.Proposal is { } p
        ? new PosteriorPoint(p.Params, null) { Origin = p.Origin, AcquisitionValue = p.AcquisitionValue, Distance = cut.DistanceOf(p.Params) }
        : null;

    /// <summary>Where one slice is cut: the base point (fixed values), the axes, and how far each trial lies from it.</summary>
    private sealed class Cut
    {
        private readonly PosteriorModel fitted;
        private readonly string[] axes;
        private readonly int[] offAxis;

        public Cut(PosteriorModel fitted, IReadOnlyDictionary<string, object>? fixedValues, params string[] axes)
        {
            this.fitted = fitted;
            this.axes = axes;
            var space = fitted.Space;
            var all = WithFixed(space, fitted.Best?.Params ?? space.Decode(Enumerable.Repeat(0.5, space.Dimension).ToArray()), fixedValues, axes);
            Base = space.Encode(all);
            Fixed = all.Where(kv => !axes.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            offAxis = Enumerable.Range(0, space.Parameters.Count).Where(i => !axes.Contains(space.Parameters[i].Name)).ToArray();
        }

        public double[] Base { get; }

        public IReadOnlyDictionary<string, object> Fixed { get; }

        public PosteriorObservation Observation(TrialRecord t, double value) =>
            new(t.Number, Natural(t.Params[axes[0]]), axes.Length > 1 ? Natural(t.Params[axes[1]]) : null, value)
            {
                Params = t.Params,
                Distance = DistanceOf(t.Params),
            };

        public PosteriorRunningTrial RunningTrial(TrialRecord t) =>
            new(t.Number, Natural(t.Params[axes[0]]), axes.Length > 1 ? Natural(t.Params[axes[1]]) : null, t.Params, DistanceOf(t.Params));

        /// <summary>Root mean square, over the parameters not on the axes, of each one's distance from the slice.</summary>
        public double DistanceOf(IReadOnlyDictionary<string, object> parameters)
        {
            if (offAxis.Length == 0) return 0;
            var space = fitted.Space;
            double[] x;
            try
            {
                x = space.Encode(parameters);
            }
            catch (Exception e) when (e is SearchSpaceException or FormatException or InvalidCastException)
            {
                return 1;
            }

            var sum = 0.0;
            foreach (var index in offAxis)
            {
                var offset = space.OffsetOf(index);
                var d = space.Parameters[index] is CategoricalParameter c
                    ? (Enumerable.Range(offset, c.Choices.Count).Any(k => x[k] != Base[k]) ? 1.0 : 0.0)
                    : Math.Abs(x[offset] - Base[offset]);
                sum += d * d;
            }

            return Math.Sqrt(sum / offAxis.Length);
        }

        /// <summary>A trust-region step's box on the slice's axes, in natural units.</summary>
        public PosteriorRegion? Region(int xIndex, int? yIndex)
        {
            if (fitted.Proposal is not { RegionLower: { } lower, RegionUpper: { } upper }) return null;
            var space = fitted.Space;
            double At(int index, double[] bound) => Axis(space, index, [Math.Clamp(bound[space.OffsetOf(index)], 0, 1)])[0];
            return yIndex is { } y
                ? new PosteriorRegion(At(xIndex, lower), At(xIndex, upper), At(y, lower), At(y, upper))
                : new PosteriorRegion(At(xIndex, lower), At(xIndex, upper), null, null);
        }
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

    /// <summary>The value a pruned trial was stopped at: its stored value, else its last intermediate value.</summary>
    private static double? StoppedAt(TrialRecord trial) =>
        trial.Value ?? (trial.Intermediate is { Count: > 0 } curve ? curve[^1].Value : null);

    /// <summary>Mean and std in objective units (sign restored when minimising) and the acquisition (standardised
    /// units), for m points.</summary>
    private static (double[] Mean, double[] Std, double[] Acquisition) Evaluate(PosteriorModel fitted, GaussianProcessModel model, double[] points, int m)
    {
        var mean = new double[m];
        var std = new double[m];
        var acquisition = new double[m];
        // One prediction serves both the surfaces and the acquisition (it scores standardised values).
        var zMean = new double[m];
        var zStd = new double[m];
        model.PredictStandardized(points, zMean, zStd);
        for (var i = 0; i < m; i++)
        {
            acquisition[i] = fitted.Acquisition!.Score(zMean[i], zStd[i], out _, out _);
        }

        model.ToObjectiveUnits(zMean, zStd, mean, std);
        if (fitted.Direction == Direction.Minimize)
        {
            for (var i = 0; i < m; i++)
            {
                mean[i] = -mean[i];
            }
        }

        return (mean, std, acquisition);
    }

    private static double[][] Rows(double[] values, int resolution) =>
        Enumerable.Range(0, resolution).Select(iy => values.AsSpan(iy * resolution, resolution).ToArray()).ToArray();

    private static int SliceableIndex(SearchSpace space, string name, string argument)
    {
        var index = space.IndexOf(name);
        if (index < 0)
        {
            throw new ArgumentException($"parameter '{name}' is not in the search space", argument);
        }

        if (space.Parameters[index] is CategoricalParameter)
        {
            throw new ArgumentException($"parameter '{name}' is categorical and has no axis to slice along; fix it to a choice instead", argument);
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
}
