using System.Globalization;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// Slice plots' data: for every parameter, the completed trials' values against it and the GP posterior mean and
/// standard deviation along it through the best trial. One GP fit serves all parameters, categorical ones included
/// (their slice is one prediction per choice).
/// </summary>
public sealed class SliceAnalyzer(int resolution = 100)
{
    public ParameterSlices Slice(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings) =>
        Slice(space, direction, history, StudyModel.Fit(space, direction, history, settings));

    /// <summary>The slices under an already fitted study model (null: no completed trial yet).</summary>
    public ParameterSlices Slice(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, StudyModel? fitted)
    {
        var through = fitted?.Best?.Params ?? space.Decode(Enumerable.Repeat(0.5, space.Dimension).ToArray());
        var basePoint = space.Encode(through);
        var completed = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToArray();
        var slices = space.Parameters.Select((p, i) =>
        {
            var observations = completed.Select(t => Observation(p, t)).ToArray();
            return p is CategoricalParameter c
                ? CategoricalSlice(space, i, c, basePoint, fitted, direction, observations)
                : NumericSlice(space, i, basePoint, fitted, direction, observations);
        }).ToArray();
        return new ParameterSlices(slices, through, fitted?.Best?.Number);
    }

    private ParameterSlice NumericSlice(SearchSpace space, int index, double[] basePoint, StudyModel? fitted, Direction direction,
        SliceObservation[] observations)
    {
        var p = space.Parameters[index];
        var units = Enumerable.Range(0, resolution).Select(k => k / (double)(resolution - 1)).ToArray();
        var points = new double[resolution * space.Dimension];
        var axis = new double[resolution];
        for (var k = 0; k < resolution; k++)
        {
            var row = points.AsSpan(k * space.Dimension, space.Dimension);
            basePoint.CopyTo(row);
            row[space.OffsetOf(index)] = units[k];
            // Natural units without rounding ints, so the curve stays smooth between them.
            axis[k] = Natural(p, units[k]);
        }

        var (mean, std) = Predict(fitted, direction, points, resolution);
        return new ParameterSlice(p.Name, IsLog(p), false, axis, [], mean, std, observations);
    }

    private static ParameterSlice CategoricalSlice(SearchSpace space, int index, CategoricalParameter c, double[] basePoint, StudyModel? fitted,
        Direction direction, SliceObservation[] observations)
    {
        var k = c.Choices.Count;
        var points = new double[k * space.Dimension];
        for (var choice = 0; choice < k; choice++)
        {
            var row = points.AsSpan(choice * space.Dimension, space.Dimension);
            basePoint.CopyTo(row);
            row.Slice(space.OffsetOf(index), k).Clear();
            row[space.OffsetOf(index) + choice] = 1.0;
        }

        var (mean, std) = Predict(fitted, direction, points, k);
        return new ParameterSlice(c.Name, false, true, [], c.Choices, mean, std, observations);
    }

    private static (double[] Mean, double[] Std) Predict(StudyModel? fitted, Direction direction, double[] points, int count)
    {
        if (fitted is null)
        {
            return ([], []);
        }

        var mean = new double[count];
        var std = new double[count];
        fitted.Model.Predict(points, mean, std);
        if (direction == Direction.Minimize)
        {
            // The GP models the negated value when minimising.
            for (var i = 0; i < count; i++)
            {
                mean[i] = -mean[i];
            }
        }

        return (mean, std);
    }

    private static SliceObservation Observation(ParameterSpec p, TrialRecord t)
    {
        var raw = t.Params.TryGetValue(p.Name, out var v) ? v : null;
        return p is CategoricalParameter
            ? new SliceObservation(t.Number, null, Convert.ToString(raw, CultureInfo.InvariantCulture), t.Value!.Value)
            : new SliceObservation(t.Number, raw is null ? null : Convert.ToDouble(raw, CultureInfo.InvariantCulture), null, t.Value!.Value);
    }

    private static double Natural(ParameterSpec p, double u) => p switch
    {
        FloatParameter f => FromUnit(u, f.Low, f.High, f.Log),
        IntParameter n => FromUnit(u, n.Low, n.High, n.Log),
        _ => throw new InvalidOperationException("categorical parameters have no axis"),
    };

    private static double FromUnit(double u, double low, double high, bool log) =>
        log ? Math.Pow(10, Math.Log10(low) + u * (Math.Log10(high) - Math.Log10(low))) : low + u * (high - low);

    private static bool IsLog(ParameterSpec p) => p is FloatParameter { Log: true } or IntParameter { Log: true };
}
