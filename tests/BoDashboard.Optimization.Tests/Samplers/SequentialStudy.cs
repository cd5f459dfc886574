using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>A study of one trial at a time on an analytic function: suggest, evaluate, record.</summary>
internal static class SequentialStudy
{
    public static List<TrialRecord> Run(AnalyticFunction f, SamplerSettings settings, int evaluations)
    {
        var sampler = SamplerRegistry.Create(settings);
        var trials = new List<TrialRecord>();
        for (var i = 0; i < evaluations; i++)
        {
            var p = sampler.Suggest(f.Space, f.Direction, trials, 1)[0].Params;
            trials.Add(new TrialRecord(i, p, TrialState.Complete, f.Evaluate(p)));
        }

        return trials;
    }
}
