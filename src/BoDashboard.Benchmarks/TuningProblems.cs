using BoDashboard.Optimization;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Benchmarks;

/// <summary>
/// The tuning set: seed-1d (the tutorial's function, maximised), branin, hartmann6, ackley5 on [-32.768, 32.768]^5 and
/// rosenbrock4 on [-2.048, 2.048]^4 (all minimised). The engine's defaults may be tuned on these (seeds 0-9).
/// </summary>
internal static class TuningProblems
{
    public static IEnumerable<(string Name, Func<AnalyticFunction> Create)> All() =>
    [
        ("seed-1d", SeedOneD), ("branin", Branin), ("hartmann6", Hartmann6), ("ackley5", Ackley5), ("rosenbrock4", Rosenbrock4),
    ];

    /// <summary>f(x) = exp(-(x-3)^2) + exp(-(3x-2)^2) + 1/(x^2+1) on (-2, 6); maximum 1.707496 at x = 0.631374.</summary>
    private static AnalyticFunction SeedOneD() => new(
        "seed-1d",
        new SearchSpace([new FloatParameter("x", -2, 6)]),
        Direction.Maximize,
        p =>
        {
            var x = Read.Number(p, "x");
            return Math.Exp(-(x - 3) * (x - 3)) + Math.Exp(-(3 * x - 2) * (3 * x - 2)) + 1 / (x * x + 1);
        },
        1.7074960476280206);

    private static AnalyticFunction Branin() => new(
        "branin",
        new SearchSpace([new FloatParameter("x1", -5, 10), new FloatParameter("x2", 0, 15)]),
        Direction.Minimize,
        p => BraninFormula.Value(Read.Number(p, "x1"), Read.Number(p, "x2")),
        BraninFormula.Minimum);

    private static readonly double[] HartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] HartmannA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] HartmannP =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    private static AnalyticFunction Hartmann6() => new(
        "hartmann6",
        Read.Box(1, 6, 0, 1),
        Direction.Minimize,
        p =>
        {
            var x = Read.Vector(p, 1, 6);
            var sum = 0.0;
            for (var i = 0; i < 4; i++)
            {
                var inner = 0.0;
                for (var j = 0; j < 6; j++)
                {
                    inner += HartmannA[i, j] * (x[j] - HartmannP[i, j]) * (x[j] - HartmannP[i, j]);
                }

                sum += HartmannAlpha[i] * Math.Exp(-inner);
            }

            return -sum;
        },
        -3.32236801141551);

    private static AnalyticFunction Ackley5() => new(
        "ackley5",
        Read.Box(1, 5, -32.768, 32.768),
        Direction.Minimize,
        p => AckleyFormula.Value(Read.Vector(p, 1, 5)),
        0.0);

    private static AnalyticFunction Rosenbrock4() => new(
        "rosenbrock4",
        Read.Box(1, 4, -2.048, 2.048),
        Direction.Minimize,
        p => RosenbrockFormula.Value(Read.Vector(p, 1, 4)),
        0.0);
}
