using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// Grid search sized to the budget: levels per parameter chosen so that the grid has no more points than the budget
/// (<see cref="LevelCounts"/>): every choice of a categorical and evenly spaced levels of a number when they fit.
/// The grid is visited in a seeded random order, each suggestion being the first grid point not yet in the history;
/// once the grid is used up it falls back to random.
/// </summary>
public sealed class GridSampler(SamplerSettings settings) : ISampler
{
    public const int DefaultBudget = 100;

    public IReadOnlyList<Suggestion> Suggest(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int count)
    {
        var observations = ObservationSet.Seen(space, history);
        var grid = Grid(space, settings.Budget ?? DefaultBudget);
        SamplerSeed.For(settings.Seed, 0, salt: 7).Shuffle(grid);
        var random = SamplerSeed.For(settings.Seed, history.Count);
        var suggestions = new List<Suggestion>(count);
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            while (next < grid.Length && !observations.IsNew(grid[next]))
            {
                next++;
            }

            var fromGrid = next < grid.Length;
            var x = fromGrid ? grid[next] : observations.FreshRandom(random);
            observations.Remember(x);
            suggestions.Add(new Suggestion(space.Decode(x), fromGrid ? "grid" : "random", null));
        }

        return suggestions;
    }

    /// <summary>All grid points in the unit cube, in lexicographic order; never more than the budget (at least one).</summary>
    public static double[][] Grid(SearchSpace space, int budget)
    {
        var counts = LevelCounts(space.Parameters, Math.Max(1, budget));
        var levels = space.Parameters.Select((p, i) => Levels(p, counts[i])).ToArray();
        var points = new List<double[]>();
        var index = new int[levels.Length];
        while (true)
        {
            var x = new double[space.Dimension];
            for (var p = 0; p < levels.Length; p++)
            {
                levels[p][index[p]].CopyTo(x, space.OffsetOf(p));
            }

            space.Project(x);
            points.Add(x);
            var carry = levels.Length - 1;
            while (carry >= 0 && ++index[carry] == levels[carry].Length)
            {
                index[carry] = 0;
                carry--;
            }

            if (carry < 0)
            {
                break;
            }
        }

        return points.ToArray();
    }

    /// <summary>
    /// How many levels each parameter gets: one each to start, then one more to each parameter in turn (categoricals
    /// first, none beyond its choices or a narrow int's range) while the product stays within the budget. So 2
    /// floats with budget 100 get 10 × 10, and 20 floats with budget 100 get 3 levels on one, 2 on five and their
    /// middle on the rest (96 points) instead of 2^20.
    /// </summary>
    public static int[] LevelCounts(IReadOnlyList<ParameterSpec> parameters, int budget)
    {
        var order = Enumerable.Range(0, parameters.Count).OrderBy(i => parameters[i] is CategoricalParameter ? 0 : 1).ToArray();
        var counts = Enumerable.Repeat(1, parameters.Count).ToArray();
        long product = 1;
        bool grown;
        do
        {
            grown = false;
            foreach (var i in order)
            {
                if (counts[i] >= MaxLevels(parameters[i]) || product / counts[i] * (counts[i] + 1) > budget)
                {
                    continue;
                }

                product = product / counts[i] * (counts[i] + 1);
                counts[i]++;
                grown = true;
            }
        }
        while (grown);

        return counts;
    }

    private static long MaxLevels(ParameterSpec p) => p switch
    {
        CategoricalParameter c => c.Choices.Count,
        IntParameter { Log: false } n => n.High - n.Low + 1,
        _ => long.MaxValue,
    };

    /// <summary>Unit-cube encodings of one parameter's k levels: evenly spaced (the middle when k is 1); a
    /// categorical with fewer levels than choices takes choices evenly spread over its list.</summary>
    private static double[][] Levels(ParameterSpec p, int k)
    {
        switch (p)
        {
            case CategoricalParameter c:
                return Enumerable.Range(0, k).Select(i =>
                {
                    var v = new double[c.Choices.Count];
                    v[k == 1 ? 0 : (int)Math.Round(i * (c.Choices.Count - 1) / (double)(k - 1))] = 1;
                    return v;
                }).ToArray();
            default:
                return Enumerable.Range(0, k).Select(i => new[] { k == 1 ? 0.5 : i / (double)(k - 1) }).ToArray();
        }
    }
}
