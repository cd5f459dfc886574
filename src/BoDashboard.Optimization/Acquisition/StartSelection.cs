namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// Chooses where the acquisition's local searches start: the best candidates, plus half as many again that are each
/// the best candidate far from every start chosen so far. Starting from the top scores alone puts every search on the
/// same peak when many candidates crowd around a broad one, and a narrower, higher peak is never climbed.
/// </summary>
internal static class StartSelection
{
    /// <summary>Minimum distance between diverse starts, in unit-cube coordinates per sqrt(dimension).</summary>
    private const double Separation = 0.15;

    public static List<int> Choose(IReadOnlyList<double[]> candidates, double[] values, int count, Func<int, bool> usable)
    {
        var order = Enumerable.Range(0, candidates.Count).Where(usable).OrderByDescending(i => values[i]).ToArray();
        var chosen = order.Take(count).ToList();
        if (order.Length <= count)
        {
            return chosen;
        }

        // Then up to half as many again, each the best candidate far from every start so far.
        var minSquared = Separation * Separation * candidates[order[0]].Length;
        var taken = chosen.ToHashSet();
        for (var extra = 0; extra < (count + 1) / 2; extra++)
        {
            var pick = order.FirstOrDefault(i => !taken.Contains(i) && chosen.All(c => SquaredDistance(candidates[c], candidates[i]) >= minSquared), -1);
            if (pick < 0)
            {
                break;
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
