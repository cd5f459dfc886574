using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Components.Plots;

/// <summary>One study's curve on the convergence chart: every completed trial's value and the best so far.</summary>
public sealed record ConvergenceSeries(string Name, IReadOnlyList<int> Numbers, IReadOnlyList<double> Values, IReadOnlyList<double> BestSoFar)
{
    public static ConvergenceSeries From(StudyDetails study, string? name = null)
    {
        var minimize = study.Direction == "minimize";
        var complete = study.Trials.Where(t => t.State == TrialStates.Complete && t.Value is not null).OrderBy(t => t.Number).ToList();
        var best = new List<double>(complete.Count);
        foreach (var t in complete)
        {
            var v = t.Value!.Value;
            best.Add(best.Count == 0 ? v : minimize ? Math.Min(best[^1], v) : Math.Max(best[^1], v));
        }
        return new ConvergenceSeries(name ?? study.Name, complete.Select(t => t.Number).ToList(), complete.Select(t => t.Value!.Value).ToList(), best);
    }
}
