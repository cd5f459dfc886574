namespace BoDashboard.Web.Components.Plots;

/// <summary>Several runs of one sampler (different seeds) summarised per trial number: the median best-so-far and its
/// interquartile range, over the runs that have reached that trial. One lucky seed moves a quartile, not the picture.</summary>
public sealed record ConvergenceBand(string Name, int Runs, IReadOnlyList<int> Numbers, IReadOnlyList<double> Median,
    IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    public static ConvergenceBand From(string name, IReadOnlyList<ConvergenceSeries> runs)
    {
        var numbers = new List<int>();
        var median = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        var last = runs.Where(r => r.Numbers.Count > 0).Select(r => r.Numbers[^1]).DefaultIfEmpty(-1).Max();
        for (var n = 0; n <= last; n++)
        {
            var values = runs.Select(r => r.BestAfter(n)).OfType<double>().Order().ToArray();
            if (values.Length == 0) continue;
            numbers.Add(n);
            median.Add(Quantile(values, 0.5));
            lower.Add(Quantile(values, 0.25));
            upper.Add(Quantile(values, 0.75));
        }
        return new ConvergenceBand(name, runs.Count, numbers, median, lower, upper);
    }

    /// <summary>The q-quantile of sorted values, interpolated linearly between order statistics (numpy's default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
