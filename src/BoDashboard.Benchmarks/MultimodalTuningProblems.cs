using BoDashboard.Optimization;

namespace BoDashboard.Benchmarks;

/// <summary>
/// Multimodal problems added to the tuning set so the engine can be made robust on many-basin landscapes without
/// looking at the held-out suite (definitions after the Virtual Library of Simulation Experiments, Surjanovic and
/// Bingham), all minimised. Each is a family the held-out suite does not contain: Levy (a bowl with ripples whose
/// optimum is off-centre), Schwefel (deceptive: the best basin sits near a corner, far from the second best),
/// Styblinski-Tang (2^d separate basins, one of them global) and Rastrigin (a regular lattice of deep local minima).
/// </summary>
internal static class MultimodalTuningProblems
{
    public static IEnumerable<(string Name, Func<AnalyticFunction> Create)> All() =>
        [.. RandomWellsProblems.All(), ("levy6", Levy6), ("schwefel4", Schwefel4), ("styblinski-tang5", StyblinskiTang5), ("rastrigin4", Rastrigin4)];

    /// <summary>Schwefel's minimiser in each coordinate and the constant that makes the minimum almost 0.</summary>
    public const double SchwefelMinimiser = 420.968746;
    private const double SchwefelOffset = 418.9829;

    /// <summary>Styblinski-Tang's minimiser in each coordinate.</summary>
    public const double StyblinskiTangMinimiser = -2.903534027771178;

    private static AnalyticFunction Levy6() => new(
        "levy6",
        Read.Box(0, 6, -10, 10),
        Direction.Minimize,
        p =>
        {
            var x = Read.Vector(p, 0, 6);
            var w = x.Select(v => 1 + (v - 1) / 4).ToArray();
            var last = w[^1];
            var sum = Math.Pow(Math.Sin(Math.PI * w[0]), 2)
                + (last - 1) * (last - 1) * (1 + Math.Pow(Math.Sin(2 * Math.PI * last), 2));
            for (var i = 0; i < w.Length - 1; i++)
            {
                sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.Pow(Math.Sin(Math.PI * w[i] + 1), 2));
            }

            return sum;
        },
        0.0);

    private static double SchwefelValue(double[] x) => SchwefelOffset * x.Length - x.Sum(v => v * Math.Sin(Math.Sqrt(Math.Abs(v))));

    private static AnalyticFunction Schwefel4() => new(
        "schwefel4",
        Read.Box(0, 4, -500, 500),
        Direction.Minimize,
        p => SchwefelValue(Read.Vector(p, 0, 4)),
        SchwefelValue([SchwefelMinimiser, SchwefelMinimiser, SchwefelMinimiser, SchwefelMinimiser]));

    private static double StyblinskiTangValue(double[] x) => 0.5 * x.Sum(v => v * v * v * v - 16 * v * v + 5 * v);

    private static AnalyticFunction StyblinskiTang5() => new(
        "styblinski-tang5",
        Read.Box(0, 5, -5, 5),
        Direction.Minimize,
        p => StyblinskiTangValue(Read.Vector(p, 0, 5)),
        StyblinskiTangValue(Enumerable.Repeat(StyblinskiTangMinimiser, 5).ToArray()));

    private static AnalyticFunction Rastrigin4() => new(
        "rastrigin4",
        Read.Box(0, 4, -5.12, 5.12),
        Direction.Minimize,
        p => Read.Vector(p, 0, 4).Sum(v => v * v - 10 * Math.Cos(2 * Math.PI * v) + 10),
        0.0);
}
