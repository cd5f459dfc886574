using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// A history turned into GP training data: unit-cube inputs and targets oriented so that larger is better.
/// Failed trials are imputed with the worst completed target (so the GP learns to avoid them); pruned trials stand for
/// the forecast of their final value (<see cref="PrunedTrialEstimate"/>); running trials are pending points. Also remembers every point seen, to refuse duplicates.
/// </summary>
internal sealed class ObservationSet
{
    private readonly HashSet<double[]> _seen = new(RoundedPoints.Instance);

    private ObservationSet(SearchSpace space)
    {
        Space = space;
    }

    public SearchSpace Space { get; }

    public List<double[]> Inputs { get; } = [];

    /// <summary>Targets to maximise: the value when maximising, its negation when minimising.</summary>
    public List<double> Targets { get; } = [];

    public List<double[]> Pending { get; } = [];

    /// <summary>How many of <see cref="Inputs"/> are real completed trials (they come first).</summary>
    public int CompletedCount { get; private set; }

    /// <param name="seed">Seeds the learning-curve forecast of pruned trials (<see cref="PrunedTrialEstimate"/>).</param>
    public static ObservationSet From(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int seed = 0)
    {
        var set = new ObservationSet(space);
        var failed = new List<double[]>();
        var pruned = new PrunedTrialEstimate(history, space, seed);
        foreach (var trial in history.OrderBy(t => t.Number))
        {
            double[] x;
            try
            {
                x = space.Encode(trial.Params);
            }
            catch (Exception e) when (e is SearchSpaceException or FormatException or InvalidCastException)
            {
                // A trial recorded under another space (e.g. edited parameters) tells the GP nothing here.
                continue;
            }

            space.Project(x);
            set.Remember(x);
            switch (trial.State)
            {
                case TrialState.Complete when trial.Value is { } v && double.IsFinite(v):
                    set.Inputs.Add(x);
                    set.Targets.Add(direction == Direction.Maximize ? v : -v);
                    break;
                case TrialState.Running:
                    set.Pending.Add(x);
                    break;
                case TrialState.Cancelled:
                    // Remembered (not proposed again), but a user's cancel says nothing about the objective.
                    break;
                case TrialState.Pruned:
                    // Neither the worst value nor nothing: where its curve was heading, forecast from every trial's curve.
                    if (pruned.FinalValue(trial) is { } estimate)
                    {
                        set.Inputs.Add(x);
                        set.Targets.Add(direction == Direction.Maximize ? estimate : -estimate);
                    }
                    break;
                default:
                    failed.Add(x);
                    break;
            }
        }

        set.CompletedCount = set.Inputs.Count;
        if (set.CompletedCount > 0)
        {
            var worst = set.Targets.Min();
            foreach (var x in failed)
            {
                set.Inputs.Add(x);
                set.Targets.Add(worst);
            }
        }

        return set;
    }

    /// <summary>Only the points of <paramref name="history"/>, remembered so as not to propose them again: for samplers
    /// that need no model (no targets, so no forecast of pruned trials is fitted).</summary>
    public static ObservationSet Seen(SearchSpace space, IReadOnlyList<TrialRecord> history)
    {
        var set = new ObservationSet(space);
        foreach (var trial in history)
        {
            try
            {
                var x = space.Encode(trial.Params);
                space.Project(x);
                set.Remember(x);
            }
            catch (Exception e) when (e is SearchSpaceException or FormatException or InvalidCastException)
            {
                // Recorded under another space: no point of this one to avoid.
            }
        }

        return set;
    }

    /// <summary>A uniformly random feasible point not seen before (a repeat only if the space is exhausted).</summary>
    public double[] FreshRandom(Random random)
    {
        var x = Space.SampleUnit(random);
        for (var attempt = 0; attempt < 1000 && !IsNew(x); attempt++)
        {
            x = Space.SampleUnit(random);
        }

        return x;
    }

    public bool IsNew(double[] x) => !_seen.Contains(RoundedPoints.Round(x));

    public void Remember(double[] x) => _seen.Add(RoundedPoints.Round(x));

    /// <summary>Indices of the best completed observations, best first.</summary>
    public IReadOnlyList<double[]> Best(int count) =>
        Enumerable.Range(0, CompletedCount).OrderByDescending(i => Targets[i]).Take(count).Select(i => Inputs[i]).ToList();

    /// <summary>Points compared after rounding to 9 decimals, so that a point clamped to a bound twice, or re-encoded from
    /// natural units, is recognised. Numbers, not strings: a long study remembers thousands of points per ask.</summary>
    private sealed class RoundedPoints : IEqualityComparer<double[]>
    {
        public static readonly RoundedPoints Instance = new();

        public static double[] Round(double[] x) => Array.ConvertAll(x, v => Math.Round(v, 9));

        public bool Equals(double[]? a, double[]? b) => a is not null && b is not null && a.AsSpan().SequenceEqual(b);

        public int GetHashCode(double[] x)
        {
            var hash = new HashCode();
            foreach (var v in x)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }
}
