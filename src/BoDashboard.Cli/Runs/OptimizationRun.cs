using BoDashboard.Optimization;
using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Cli.Runs;

/// <summary>Runs a sampler against an analytic function one trial at a time, as a study would.</summary>
public static class OptimizationRun
{
    public static IReadOnlyList<TrialRecord> Run(AnalyticFunction function, SamplerSettings settings, int evaluations,
        Action<TrialRecord>? onTrial = null)
    {
        var sampler = SamplerRegistry.Create(settings);
        var trials = new List<TrialRecord>(evaluations);
        for (var i = 0; i < evaluations; i++)
        {
            var suggestion = sampler.Suggest(function.Space, function.Direction, trials, 1)[0];
            var value = function.Evaluate(suggestion.Params);
            var trial = new TrialRecord(i, suggestion.Params, TrialState.Complete, value);
            trials.Add(trial);
            onTrial?.Invoke(trial);
        }

        return trials;
    }

    /// <summary>
    /// Runs with <paramref name="batch"/> trials pending at a time, as an ask/tell client that asks for a batch and then
    /// tells all of it: each suggestion sees the earlier ones of its batch as running trials.
    /// </summary>
    public static IReadOnlyList<TrialRecord> RunBatched(AnalyticFunction function, SamplerSettings settings, int evaluations, int batch)
    {
        var sampler = SamplerRegistry.Create(settings);
        var trials = new List<TrialRecord>(evaluations);
        while (trials.Count < evaluations)
        {
            var first = trials.Count;
            for (var j = 0; j < Math.Min(batch, evaluations - first); j++)
            {
                var suggestion = sampler.Suggest(function.Space, function.Direction, trials, 1)[0];
                trials.Add(new TrialRecord(trials.Count, suggestion.Params, TrialState.Running, null));
            }

            for (var i = first; i < trials.Count; i++)
            {
                trials[i] = trials[i] with { State = TrialState.Complete, Value = function.Evaluate(trials[i].Params) };
            }
        }

        return trials;
    }

    /// <summary>Regret of the best value among the first <paramref name="count"/> trials.</summary>
    public static double RegretAfter(AnalyticFunction function, IReadOnlyList<TrialRecord> trials, int count) =>
        trials.Take(count).Where(t => t.Value is not null).Min(t => function.Regret(t.Value!.Value));
}
