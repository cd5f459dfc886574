namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// Chooses where the acquisition's local searches start: the best candidate, then alternately the next best overall
/// and the best candidate far from every start chosen so far. Starting from the top scores alone puts every search on
/// the same peak when many candidates crowd around a broad one, and a narrower, higher peak is never climbed.
/// </summary>
internal static class StartSelection
{
    /// <summary>Minimum distance between diverse starts, in unit-cube coordinates per sqrt(dimension).</summary>
    private const double Separation = 0.15;

    public static List<int> Choose(IReadOnlyList<double[]> candidates, double[] values, int count, Func<int, bool> usable)
    {
        var order = Enumerable.Range(0, candidates.Count).Where(usable).OrderByDescending(i => values[i]).ToArray();
        var chosen = new List<int>(count);
        if (order.Length == 0)
        {
            return chosen;
        }

        var dims = candidates[order[0]].Length;
        var minSquared = Separation * Separation * dims;
        var taken = new HashSet<int>();
        var nextTop = 0;
        while (chosen.Count < Math.Min(count, order.Length))
        {
            var diverse = chosen.Count % 2 == 1;
            var pick = -1;
            if (diverse)
            {
                pick = order.FirstOrDefault(i => !taken.Contains(i) && chosen.All(c => SquaredDistance(candidates[c], candidates[i]) >= minSquared), -1);
            }

            if (pick < 0)
            {
                while (taken.Contains(order[nextTop]))
                {
                    nextTop++;
                }

                pick = order[nextTop];
            }

            taken.Add(pick);
            chosen.Add(pick);
        }

        return chosen;
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
