using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// Grid search sized to the budget: k evenly spaced levels per numeric parameter (k^D no larger than the budget,
/// fewer for narrow int ranges), every choice of a categorical. The grid is visited in a seeded random order, each
/// suggestion being the first grid point not yet in the history; once the grid is used up it falls back to random.
/// </summary>
public sealed class GridSampler(SamplerSettings settings) : ISampler
{
    public const int DefaultBudget = 100;

    public IReadOnlyList<Suggestion> Suggest(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int count)
    {
        var observations = ObservationSet.From(space, direction, history);
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

    /// <summary>All grid points in the unit cube, in lexicographic order.</summary>
    public static double[][] Grid(SearchSpace space, int budget)
    {
        var categoricalProduct = space.Parameters.OfType<CategoricalParameter>().Aggregate(1L, (p, c) => p * c.Choices.Count);
        var numeric = space.Parameters.Count(p => p is not CategoricalParameter);
        var perNumeric = numeric == 0 ? 1 : Math.Max(2, (int)Math.Floor(Math.Pow(Math.Max(1.0, budget / (double)categoricalProduct), 1.0 / numeric) + 1e-9));
        var levels = space.Parameters.Select(p => Levels(p, perNumeric)).ToArray();
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

    /// <summary>Unit-cube encodings of one parameter's levels.</summary>
    private static double[][] Levels(ParameterSpec p, int k)
    {
        switch (p)
        {
            case CategoricalParameter c:
                return Enumerable.Range(0, c.Choices.Count).Select(i =>
                {
                    var v = new double[c.Choices.Count];
                    v[i] = 1;
                    return v;
                }).ToArray();
            case IntParameter n when !n.Log && n.High - n.Low + 1 <= k:
                return Enumerable.Range(0, (int)(n.High - n.Low + 1)).Select(i => new[] { i / (double)(n.High - n.Low) }).ToArray();
            default:
                return Enumerable.Range(0, k).Select(i => new[] { i / (double)(k - 1) }).ToArray();
        }
    }
}
