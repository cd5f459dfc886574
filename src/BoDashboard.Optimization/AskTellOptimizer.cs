using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization;

/// <summary>
/// In-memory ask/tell loop around a stateless sampler: <see cref="Ask()"/> hands out a running trial,
/// <see cref="Tell"/> completes it, <see cref="TellFailed"/> marks it failed. Trials asked and not yet told are
/// pending, so asking several times before telling yields distinct points. Thread-safe.
/// </summary>
public sealed class AskTellOptimizer
{
    private readonly object _gate = new();
    private readonly List<TrialRecord> _trials = [];
    private readonly ISampler _sampler;

    public AskTellOptimizer(SearchSpace space, Direction direction, SamplerSettings? settings = null, IEnumerable<TrialRecord>? history = null)
    {
        Space = space;
        Direction = direction;
        Settings = settings ?? new SamplerSettings();
        _sampler = SamplerRegistry.Create(Settings);
        if (history is not null)
        {
            // Imported trials are checked like told ones: a value outside the space is an error naming the parameter.
            _trials.AddRange(history.OrderBy(t => t.Number).Select(t => t with
            {
                Params = space.Coerce(t.Params.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal)),
            }));
        }
    }

    public SearchSpace Space { get; }

    public Direction Direction { get; }

    public SamplerSettings Settings { get; }

    public IReadOnlyList<TrialRecord> Trials
    {
        get
        {
            lock (_gate)
            {
                return _trials.ToArray();
            }
        }
    }

    /// <summary>The best completed trial, or null when none has completed.</summary>
    public TrialRecord? Best
    {
        get
        {
            lock (_gate)
            {
                return BestOf(_trials, Direction);
            }
        }
    }

    public static TrialRecord? BestOf(IEnumerable<TrialRecord> trials, Direction direction)
    {
        var completed = trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v));
        return direction == Direction.Maximize
            ? completed.MaxBy(t => t.Value!.Value)
            : completed.MinBy(t => t.Value!.Value);
    }

    public TrialRecord Ask() => Ask(1)[0];

    /// <summary>Asks for <paramref name="count"/> trials at once (a batch for parallel workers).</summary>
    public IReadOnlyList<TrialRecord> Ask(int count)
    {
        lock (_gate)
        {
            var suggestions = _sampler.Suggest(Space, Direction, _trials, count);
            var asked = new List<TrialRecord>(count);
            foreach (var s in suggestions)
            {
                var trial = new TrialRecord(NextNumber(), s.Params, TrialState.Running, null);
                _trials.Add(trial);
                asked.Add(trial);
            }

            return asked;
        }
    }

    public TrialRecord Tell(int number, double value)
    {
        if (!double.IsFinite(value))
        {
            return TellFailed(number);
        }

        return Finish(number, TrialState.Complete, value);
    }

    public TrialRecord TellFailed(int number) => Finish(number, TrialState.Failed, null);

    /// <summary>Records an evaluation made outside the loop (e.g. a known good configuration).</summary>
    public TrialRecord Add(IReadOnlyDictionary<string, object?> parameters, double value)
    {
        var canonical = Space.Coerce(parameters);
        lock (_gate)
        {
            var trial = new TrialRecord(NextNumber(), canonical, double.IsFinite(value) ? TrialState.Complete : TrialState.Failed,
                double.IsFinite(value) ? value : null);
            _trials.Add(trial);
            return trial;
        }
    }

    private TrialRecord Finish(int number, TrialState state, double? value)
    {
        lock (_gate)
        {
            var index = _trials.FindIndex(t => t.Number == number);
            if (index < 0)
            {
                throw new InvalidOperationException($"no trial number {number}");
            }

            if (_trials[index].State != TrialState.Running)
            {
                throw new InvalidOperationException($"trial {number} is already {_trials[index].State.ToString().ToLowerInvariant()}");
            }

            var trial = _trials[index] with { State = state, Value = value };
            _trials[index] = trial;
            return trial;
        }
    }

    private int NextNumber() => _trials.Count == 0 ? 0 : _trials.Max(t => t.Number) + 1;
}
