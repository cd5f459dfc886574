using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Components.Plots;

/// <summary>One study's curve on the convergence chart: every completed trial's value and the best so far.
/// <see cref="Group"/> names the runs drawn together as one median and interquartile band (a sampler's seeds);
/// a group of one run is drawn as its own line.</summary>
public sealed record ConvergenceSeries(string Name, IReadOnlyList<int> Numbers, IReadOnlyList<double> Values, IReadOnlyList<double> BestSoFar,
    string? Group = null)
{
    public string GroupName => Group ?? Name;

    public static ConvergenceSeries From(StudyDetails study, string? name = null, string? group = null)
    {
        var minimize = study.Direction == "minimize";
        var complete = study.Trials.Where(t => t.State == TrialStates.Complete && t.Value is not null).OrderBy(t => t.Number).ToList();
        var best = new List<double>(complete.Count);
        foreach (var t in complete)
        {
            var v = t.Value!.Value;
            best.Add(best.Count == 0 ? v : minimize ? Math.Min(best[^1], v) : Math.Max(best[^1], v));
        }
        return new ConvergenceSeries(name ?? study.Name, complete.Select(t => t.Number).ToList(), complete.Select(t => t.Value!.Value).ToList(), best, group);
    }

    /// <summary>The best so far after trial <paramref name="number"/>, or null before this run's first completed trial
    /// and after its last one (a run still going says nothing yet about later trials).</summary>
    public double? BestAfter(int number)
    {
        if (Numbers.Count == 0 || number < Numbers[0] || number > Numbers[^1]) return null;
        var i = 0;
        while (i + 1 < Numbers.Count && Numbers[i + 1] <= number) i++;
        return BestSoFar[i];
    }
}
