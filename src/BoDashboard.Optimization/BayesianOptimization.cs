using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization;

/// <summary>
/// A facade in the spirit of Python's bayes_opt: give it a function and bounds, call
/// <see cref="Maximize"/>, read <see cref="Max"/> and <see cref="Results"/>. With
/// <see cref="Direction.Minimize"/> the same calls look for the minimum.
/// </summary>
public sealed class BayesianOptimization
{
    private readonly Func<IReadOnlyDictionary<string, object>, double> _function;
    private readonly List<TrialRecord> _trials = [];

    public BayesianOptimization(Func<IReadOnlyDictionary<string, double>, double> function,
        IReadOnlyDictionary<string, (double Low, double High)> bounds, int seed = 0, Direction direction = Direction.Maximize)
        : this(p => function(p.ToDictionary(kv => kv.Key, kv => Convert.ToDouble(kv.Value, System.Globalization.CultureInfo.InvariantCulture))),
            new SearchSpace(bounds.Select(b => (ParameterSpec)new FloatParameter(b.Key, b.Value.Low, b.Value.High)).ToArray()),
            seed, direction)
    {
    }

    public BayesianOptimization(Func<IReadOnlyDictionary<string, object>, double> function, SearchSpace space, int seed = 0,
        Direction direction = Direction.Maximize)
    {
        _function = function;
        Space = space;
        Seed = seed;
        Direction = direction;
    }

    public SearchSpace Space { get; }

    public int Seed { get; }

    public Direction Direction { get; }

    /// <summary>Every evaluation so far, in order.</summary>
    public IReadOnlyList<TrialRecord> Results => _trials;

    /// <summary>The best evaluation (largest when maximising, smallest when minimising), or null before any.</summary>
    public TrialRecord? Max => AskTellOptimizer.BestOf(_trials, Direction);

    /// <summary>
    /// Evaluates <paramref name="initPoints"/> random points, then <paramref name="nIter"/> points chosen by the GP
    /// and the acquisition ("ei", "pi" or "ucb").
    /// </summary>
    public void Maximize(int initPoints = 5, int nIter = 25, string acquisition = "ei", double xi = 0.01, double kappa = 2.576)
    {
        var settings = new SamplerSettings("gp-ei", _trials.Count + initPoints, acquisition, xi, kappa, Seed);
        var sampler = SamplerRegistry.Create(settings);
        for (var i = 0; i < initPoints + nIter; i++)
        {
            var suggestion = sampler.Suggest(Space, Direction, _trials, 1)[0];
            Evaluate(suggestion.Params);
        }
    }

    /// <summary>Evaluates the function at a given point and records it.</summary>
    public TrialRecord Probe(IReadOnlyDictionary<string, object?> parameters) => Evaluate(Space.Coerce(parameters));

    /// <summary>The point the GP would evaluate next (nothing is recorded).</summary>
    public IReadOnlyDictionary<string, object> Suggest(string acquisition = "ei", double xi = 0.01, double kappa = 2.576)
    {
        var settings = new SamplerSettings("gp-ei", 1, acquisition, xi, kappa, Seed);
        return SamplerRegistry.Create(settings).Suggest(Space, Direction, _trials, 1)[0].Params;
    }

    /// <summary>Records an evaluation made elsewhere (the ask/tell style of bayes_opt).</summary>
    public TrialRecord Register(IReadOnlyDictionary<string, object?> parameters, double target)
    {
        var canonical = Space.Coerce(parameters);
        var trial = double.IsFinite(target)
            ? new TrialRecord(_trials.Count, canonical, TrialState.Complete, target)
            : new TrialRecord(_trials.Count, canonical, TrialState.Failed, null);
        _trials.Add(trial);
        return trial;
    }

    private TrialRecord Evaluate(IReadOnlyDictionary<string, object> parameters)
    {
        double value;
        try
        {
            value = _function(parameters);
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException or InvalidOperationException)
        {
            value = double.NaN;
        }

        var trial = double.IsFinite(value)
            ? new TrialRecord(_trials.Count, parameters, TrialState.Complete, value)
            : new TrialRecord(_trials.Count, parameters, TrialState.Failed, null);
        _trials.Add(trial);
        return trial;
    }
}
