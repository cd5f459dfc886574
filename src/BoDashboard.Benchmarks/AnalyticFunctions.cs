namespace BoDashboard.Benchmarks;

/// <summary>
/// Every analytic objective by name: the tuning set (seed-1d, branin, hartmann6, ackley5, rosenbrock4, and the
/// multimodal levy6, schwefel4, styblinski-tang5, rastrigin4) and the
/// held-out suite (goldstein-price, hartmann3, shekel10, michalewicz5, griewank8, ackley10, rosenbrock10, branin20,
/// mixed5). Studies may use any of them; benchmarks keep the two sets apart.
/// </summary>
public static class AnalyticFunctions
{
    private static readonly Dictionary<string, Func<AnalyticFunction>> Factories =
        TuningProblems.All().Concat(MultimodalTuningProblems.All()).Concat(HeldOutProblems.All()).ToDictionary(p => p.Name, p => p.Create, StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = [.. TuningProblems.All().Select(p => p.Name), .. MultimodalTuningProblems.All().Select(p => p.Name), .. HeldOutProblems.All().Select(p => p.Name)];

    /// <summary>The problems the engine's defaults may be tuned on (with seeds 0-9).</summary>
    public static IReadOnlyList<string> TuningSet { get; } = [.. TuningProblems.All().Select(p => p.Name), .. MultimodalTuningProblems.All().Select(p => p.Name)];

    /// <summary>The problems no default may be tuned on; reported on seeds 100-109.</summary>
    public static IReadOnlyList<string> HeldOutSet { get; } = [.. HeldOutProblems.All().Select(p => p.Name)];

    public static AnalyticFunction Get(string name) =>
        Factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new ArgumentException($"unknown analytic function '{name}'; expected one of {string.Join(", ", Names)}", nameof(name));
}
