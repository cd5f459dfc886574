using BoDashboard.Optimization.Minimization;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// Maximises any <see cref="IAcquisition"/> over a search space's unit cube. Every candidate is feasible
/// (ints on their grid, categoricals one-hot); L-BFGS moves only the float coordinates and keeps a start point's
/// discrete coordinates, so the result never needs rounding after the fact.
/// </summary>
public sealed class AcquisitionOptimizer(SearchSpace space, AcquisitionOptimizerOptions? options = null)
{
    private readonly AcquisitionOptimizerOptions _options = options ?? new AcquisitionOptimizerOptions();
    // Discrete hill climbing: steps per round (a raw candidate is rarely more than a few units from the best int)
    // and rounds of climb-then-refine.
    private const int DiscreteStepsPerRound = 25;
    private const int DiscreteRounds = 3;

    private readonly int[] _continuous = Enumerable.Range(0, space.Dimension).Where(d => space.ContinuousMask[d]).ToArray();

    /// <summary>
    /// Returns the best feasible point found and its score. <paramref name="anchors"/> (e.g. the best observations)
    /// seed local candidates; <paramref name="isAllowed"/> rejects points (e.g. duplicates of earlier ones).
    /// <paramref name="lower"/> and <paramref name="upper"/> (unit-cube coordinates) confine the float coordinates to
    /// a box, e.g. a trust region around the incumbent; discrete coordinates are unaffected.
    /// </summary>
    public (double[] Point, double Value) Maximize(IAcquisition acquisition, Random random, IReadOnlyList<double[]> anchors,
        Func<double[], bool>? isAllowed = null, double[]? lower = null, double[]? upper = null)
    {
        isAllowed ??= _ => true;
        var dims = space.Dimension;
        var box = (Lower: lower ?? new double[dims], Upper: upper ?? Enumerable.Repeat(1.0, dims).ToArray());
        var candidates = new List<double[]>(_options.RawSamples + _options.LocalSamples);
        for (var i = 0; i < _options.RawSamples; i++)
        {
            var x = space.SampleUnit(random);
            if (lower is not null || upper is not null)
            {
                foreach (var d in _continuous)
                {
                    x[d] = box.Lower[d] + x[d] * (box.Upper[d] - box.Lower[d]);
                }
            }

            candidates.Add(x);
        }

        if (anchors.Count > 0)
        {
            for (var i = 0; i < _options.LocalSamples; i++)
            {
                candidates.Add(Perturb(anchors[i % anchors.Count], random, i, box));
            }
        }

        var flat = new double[candidates.Count * dims];
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i].CopyTo(flat, i * dims);
        }

        var values = new double[candidates.Count];
        acquisition.Evaluate(flat, values);
        var best = (Point: (double[]?)null, Value: double.NegativeInfinity);
        var hasDiscrete = DiscreteNeighbours.Any(space);
        var starts = StartSelection.Choose(candidates, values, _options.Restarts, i => _continuous.Length > 0 || isAllowed(candidates[i]));
        var refined = _continuous.Length > 0
            ? RefineTogether(acquisition, [.. starts.Select(i => candidates[i])], [.. starts.Select(i => values[i])], box)
            : [.. starts.Select(i => (candidates[i], values[i]))];
        for (var s = 0; s < starts.Count; s++)
        {
            var index = starts[s];
            var start = candidates[index];
            var (point, value) = refined[s];
            if (hasDiscrete)
            {
                (point, value) = ImproveDiscrete(acquisition, point, value, isAllowed, box);
            }

            if (value > best.Value && isAllowed(point))
            {
                best = (point, value);
            }
            else if (values[index] > best.Value && isAllowed(start))
            {
                best = (start, values[index]);
            }
        }

        if (best.Point is null)
        {
            // Everything near the top was taken: the best allowed raw candidate, or any fresh random point.
            foreach (var index in Enumerable.Range(0, candidates.Count).OrderByDescending(i => values[i]))
            {
                if (isAllowed(candidates[index]))
                {
                    return (candidates[index], values[index]);
                }
            }

            return (space.SampleUnit(random), double.NaN);
        }

        return (best.Point, best.Value);
    }

    /// <summary>
    /// Hill-climbs over discrete moves (an int one unit up or down, a categorical to another choice), re-refining the
    /// float coordinates after each move, while the acquisition improves: ints and categoricals have no gradient, and
    /// resampling alone rarely lands on the next integer.
    /// </summary>
    private (double[] Point, double Value) ImproveDiscrete(IAcquisition acquisition, double[] point, double value, Func<double[], bool> isAllowed,
        (double[] Lower, double[] Upper) box)
    {
        for (var round = 0; round < DiscreteRounds; round++)
        {
            var moved = false;
            for (var step = 0; step < DiscreteStepsPerRound; step++)
            {
                var neighbours = DiscreteNeighbours.Of(space, point);
                var flat = new double[neighbours.Count * space.Dimension];
                for (var i = 0; i < neighbours.Count; i++)
                {
                    neighbours[i].CopyTo(flat, i * space.Dimension);
                }

                var scores = new double[neighbours.Count];
                acquisition.Evaluate(flat, scores);
                var move = -1;
                for (var i = 0; i < neighbours.Count; i++)
                {
                    if (scores[i] > value && (move < 0 || scores[i] > scores[move]) && isAllowed(neighbours[i]))
                    {
                        move = i;
                    }
                }

                if (move < 0)
                {
                    break;
                }

                (point, value, moved) = (neighbours[move], scores[move], true);
            }

            // The float coordinates' optimum moves with the discrete ones: refine once per round, then climb again.
            if (!moved || _continuous.Length == 0)
            {
                break;
            }

            (point, value) = Refine(acquisition, point, value, box);
        }

        return (point, value);
    }

    /// <summary>A feasible point near an anchor: small Gaussian steps in float coordinates, occasionally a discrete
    /// change (half the time a neighbouring int or another choice, half the time a fresh value).</summary>
    private double[] Perturb(double[] anchor, Random random, int i, (double[] Lower, double[] Upper) box)
    {
        var point = (double[])anchor.Clone();
        // Three step sizes so both fine refinement and the neighbourhood are covered.
        var scale = (i % 3) switch { 0 => 0.002, 1 => 0.02, _ => 0.1 };
        foreach (var d in _continuous)
        {
            point[d] = Math.Clamp(point[d] + scale * Gaussian(random), box.Lower[d], box.Upper[d]);
        }

        if (_continuous.Length < space.Dimension && random.NextDouble() < 0.3)
        {
            if (random.NextDouble() < 0.5 && DiscreteNeighbours.Of(space, point) is { Count: > 0 } neighbours)
            {
                return neighbours[random.Next(neighbours.Count)];
            }

            var p = random.Next(space.Parameters.Count);
            var width = space.Parameters[p] is CategoricalParameter c ? c.Choices.Count : 1;
            var fresh = space.SampleUnit(random);
            Array.Copy(fresh, space.OffsetOf(p), point, space.OffsetOf(p), width);
        }

        space.Project(point);
        return point;
    }

    private static double Gaussian(Random random) => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);

    /// <summary>
    /// <see cref="Refine"/> from several starts in lockstep, each round's points scored together (a long study's GP then
    /// reads its Cholesky factor once per four points, not once per point); each search ends where it would alone.
    /// </summary>
    private List<(double[] Point, double Value)> RefineTogether(IAcquisition acquisition, IReadOnlyList<double[]> starts, IReadOnlyList<double> startValues,
        (double[] Lower, double[] Upper) box)
    {
        var dims = space.Dimension;
        var reducedStarts = starts.Select(start => _continuous.Select(d => start[d]).ToArray()).ToList();
        var lower = _continuous.Select(d => box.Lower[d]).ToArray();
        var upper = _continuous.Select(d => box.Upper[d]).ToArray();
        BoundedLbfgs.BatchObjective objective = (searches, reduced, gradients) =>
        {
            // Each search's start with its float coordinates replaced; the discrete ones stay the start's.
            var full = new double[reduced.Count * dims];
            for (var i = 0; i < reduced.Count; i++)
            {
                var row = full.AsSpan(i * dims, dims);
                starts[searches[i]].CopyTo(row);
                for (var k = 0; k < _continuous.Length; k++)
                {
                    row[_continuous[k]] = reduced[i][k];
                }
            }

            var values = new double[reduced.Count];
            var fullGradients = new double[reduced.Count * dims];
            acquisition.EvaluateWithGradient(full, values, fullGradients);
            for (var i = 0; i < reduced.Count; i++)
            {
                values[i] = -values[i];
                for (var k = 0; k < _continuous.Length; k++)
                {
                    gradients[i][k] = -fullGradients[i * dims + _continuous[k]];
                }
            }

            return values;
        };
        var results = BoundedLbfgs.MinimizeTogether(objective, reducedStarts, lower, upper, _options.MaxIterations,
            gradientTolerance: 1e-9, relativeTolerance: _options.RelativeTolerance, toleranceFloor: _options.ToleranceFloor,
            abandonHopeless: _options.AbandonHopeless);
        return [.. results.Select((r, i) => Improved(starts[i], startValues[i], r.X, r.Value))];
    }

    /// <summary>The start with the search's float coordinates, or the start itself when the search found nothing better.</summary>
    private (double[] Point, double Value) Improved(double[] start, double startValue, double[] reducedBest, double negative)
    {
        if (!(-negative > startValue))
        {
            return (start, startValue);
        }

        var point = (double[])start.Clone();
        for (var k = 0; k < _continuous.Length; k++)
        {
            point[_continuous[k]] = reducedBest[k];
        }

        return (point, -negative);
    }

    private (double[] Point, double Value) Refine(IAcquisition acquisition, double[] start, double startValue,
        (double[] Lower, double[] Upper) box)
    {
        var dims = space.Dimension;
        var full = (double[])start.Clone();
        var gradient = new double[dims];
        var reducedStart = _continuous.Select(d => start[d]).ToArray();
        var lower = _continuous.Select(d => box.Lower[d]).ToArray();
        var upper = _continuous.Select(d => box.Upper[d]).ToArray();
        BoundedLbfgs.Objective objective = (x, g) =>
        {
            for (var k = 0; k < _continuous.Length; k++)
            {
                full[_continuous[k]] = x[k];
            }

            var value = acquisition.EvaluateWithGradient(full, gradient);
            for (var k = 0; k < _continuous.Length; k++)
            {
                g[k] = -gradient[_continuous[k]];
            }

            return -value;
        };
        var (xBest, negative, _) = BoundedLbfgs.Minimize(objective, reducedStart, lower, upper, _options.MaxIterations,
            gradientTolerance: 1e-9, relativeTolerance: _options.RelativeTolerance, toleranceFloor: _options.ToleranceFloor);
        return Improved(start, startValue, xBest, negative);
    }
}
