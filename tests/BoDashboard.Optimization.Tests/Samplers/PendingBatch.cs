using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>An ask/tell client asking a batch: trials asked one at a time, each seeing the earlier ones as running.</summary>
internal static class PendingBatch
{
    /// <summary>The strategy tests' study budget unless a test gives its own.</summary>
    public const int Budget = 50;

    /// <summary>gp-ei with a pending-trial strategy, as the strategy tests run it.</summary>
    public static SamplerSettings Settings(string strategy, int seed, int budget = Budget) =>
        new(Seed: seed, Budget: budget, PendingFantasy: strategy);

    public static List<Suggestion> Ask(AnalyticFunction f, SamplerSettings settings, IReadOnlyList<TrialRecord> history, int count)
    {
        var sampler = SamplerRegistry.Create(settings);
        var trials = new List<TrialRecord>(history);
        var asked = new List<Suggestion>();
        for (var j = 0; j < count; j++)
        {
            var suggestion = sampler.Suggest(f.Space, f.Direction, trials, 1)[0];
            asked.Add(suggestion);
            trials.Add(new TrialRecord(trials.Count, suggestion.Params, TrialState.Running, null));
        }

        return asked;
    }

    /// <summary>The history followed by the asked trials, as running trials.</summary>
    public static List<TrialRecord> WithRunning(IReadOnlyList<TrialRecord> history, IEnumerable<Suggestion> asked)
    {
        var trials = new List<TrialRecord>(history);
        foreach (var suggestion in asked)
            trials.Add(new TrialRecord(trials.Count, suggestion.Params, TrialState.Running, null));
        return trials;
    }

    public static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
