namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// Which observations a long study's GP is conditioned on. Exact GP cost grows with the cube of the trials, so
/// beyond <see cref="MaxPoints"/> the model keeps the points that decide the next proposal: the best quarter, the
/// quarter nearest the incumbent (the region trust-region steps refine), and a seeded random draw of the rest so
/// the global picture remains. Every trial still counts as seen: none is proposed again.
/// </summary>
internal static class ModelSubset
{
    /// <summary>Largest number of observations conditioned on exactly, up to <see cref="FullBudgetDimension"/> dimensions.</summary>
    public const int MaxPoints = 700;

    /// <summary>Fewest observations a long study's GP keeps, however many dimensions it has.</summary>
    public const int MinPoints = 500;

    /// <summary>Above this many unit-cube dimensions the subset shrinks (see <see cref="MaxPointsFor"/>).</summary>
    public const int FullBudgetDimension = 10;

    /// <summary>
    /// How many observations a GP over <paramref name="dimension"/> unit-cube coordinates keeps: <see cref="MaxPoints"/> up to
    /// <see cref="FullBudgetDimension"/> dimensions, then 20 fewer per dimension down to <see cref="MinPoints"/> at 20. An ask costs
    /// about n^2 per candidate and per step of the acquisition's local searches, and a high-dimensional search takes more
    /// steps and longer kernel rows, so at 700 points a 20-D ask took twice as long as a 2-D one (docs/benchmarks.md,
    /// many-trials).
    /// </summary>
    public static int MaxPointsFor(int dimension) =>
        Math.Max(MinPoints, MaxPoints - 20 * Math.Max(0, dimension - FullBudgetDimension));

    public static (List<double[]> Inputs, List<double> Targets) Select(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, int max, Random random)
    {
        if (inputs.Count <= max)
        {
            return ([.. inputs], [.. targets]);
        }

        var keep = new HashSet<int>();
        var byValue = Enumerable.Range(0, inputs.Count).OrderByDescending(i => targets[i]).ToArray();
        foreach (var i in byValue.Take(max / 4))
        {
            keep.Add(i);
        }

        var incumbent = inputs[byValue[0]];
        foreach (var i in Enumerable.Range(0, inputs.Count).Where(i => !keep.Contains(i)).OrderBy(i => SquaredDistance(inputs[i], incumbent)).Take(max / 4))
        {
            keep.Add(i);
        }

        var rest = Enumerable.Range(0, inputs.Count).Where(i => !keep.Contains(i)).ToArray();
        random.Shuffle(rest);
        foreach (var i in rest.Take(max - keep.Count))
        {
            keep.Add(i);
        }

        var chosen = keep.Order().ToList();
        return ([.. chosen.Select(i => inputs[i])], [.. chosen.Select(i => targets[i])]);
    }

    private static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }

        return sum;
    }
}
