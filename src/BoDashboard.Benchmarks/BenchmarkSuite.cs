namespace BoDashboard.Benchmarks;

/// <summary>A set of problems, each with its evaluation budget, and the seeds it is reported on.</summary>
public sealed record BenchmarkSuite(string Name, IReadOnlyList<(string Problem, int Evaluations)> Problems, IReadOnlyList<int> Seeds)
{
    /// <summary>The problems and seeds (0-9) the engine's defaults may be tuned on: the original four, four multimodal
    /// families that are not in the held-out suite (<see cref="MultimodalTuningProblems"/>) and two random members of
    /// Shekel's family (<see cref="RandomWellsProblems"/>).</summary>
    public static BenchmarkSuite Tuning { get; } = new("tuning",
        [
            ("branin", 50), ("hartmann6", 50), ("ackley5", 50), ("rosenbrock4", 50),
            ("levy6", 50), ("schwefel4", 50), ("styblinski-tang5", 50), ("rastrigin4", 50),
            ("wells4", 50), ("wells5", 50),
        ],
        [.. Enumerable.Range(0, 10)]);

    /// <summary>Never tuned on: the held-out problems on seeds 100-109, with the budgets of ../shared/anchors/suite2.py.</summary>
    public static BenchmarkSuite HeldOut { get; } = new("held-out",
        [
            ("goldstein-price", 50), ("hartmann3", 50), ("shekel10", 50), ("michalewicz5", 50), ("griewank8", 100),
            ("ackley10", 100), ("rosenbrock10", 100), ("branin20", 100), ("mixed5", 50),
        ],
        [.. Enumerable.Range(100, 10)]);

    /// <summary>The tuning suite on seeds 0 to <paramref name="count"/> - 1 (up to 100: seeds from 100 on are held
    /// out); another suite only with its own seeds. Null when the seeds asked for are not allowed.</summary>
    public BenchmarkSuite? WithSeeds(int count) =>
        count == Seeds.Count ? this
        : Name == Tuning.Name && count is >= 1 and <= 100 ? this with { Seeds = [.. Enumerable.Range(0, count)] }
        : null;

    public static IReadOnlyList<BenchmarkSuite> All { get; } = [Tuning, HeldOut];

    /// <summary>The same suite restricted to <paramref name="problems"/> (in the suite's order, same budgets and seeds).</summary>
    public BenchmarkSuite Only(IReadOnlyCollection<string> problems) =>
        this with { Problems = [.. Problems.Where(p => problems.Contains(p.Problem))] };
}
