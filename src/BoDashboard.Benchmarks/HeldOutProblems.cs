using BoDashboard.Optimization;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Benchmarks;

/// <summary>
/// The held-out suite (../shared/anchors/suite2.py; definitions after the Virtual Library of Simulation Experiments,
/// Surjanovic and Bingham), all minimised. No default of the engine may be tuned on these problems: `bench optimizer
/// --suite held-out` reports them on seeds 100-109, separately from the tuning set.
/// </summary>
internal static class HeldOutProblems
{
    public static IEnumerable<(string Name, Func<AnalyticFunction> Create)> All() =>
    [
        ("goldstein-price", GoldsteinPrice), ("hartmann3", Hartmann3), ("shekel10", Shekel10), ("michalewicz5", Michalewicz5),
        ("griewank8", Griewank8), ("ackley10", Ackley10), ("rosenbrock10", Rosenbrock10), ("branin20", Branin20), ("mixed5", Mixed5),
    ];

    private static AnalyticFunction GoldsteinPrice() => new(
        "goldstein-price",
        Read.Box(1, 2, -2, 2),
        Direction.Minimize,
        p =>
        {
            var (x, y) = (Read.Number(p, "x1"), Read.Number(p, "x2"));
            var a = 1 + (x + y + 1) * (x + y + 1) * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y);
            var b = 30 + (2 * x - 3 * y) * (2 * x - 3 * y) * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y);
            return a * b;
        },
        3.0);

    private static readonly double[] Hartmann3Alpha = [1.0, 1.2, 3.0, 3.2];
    private static readonly double[,] Hartmann3A = { { 3.0, 10, 30 }, { 0.1, 10, 35 }, { 3.0, 10, 30 }, { 0.1, 10, 35 } };

    private static readonly double[,] Hartmann3P =
    {
        { 0.3689, 0.1170, 0.2673 }, { 0.4699, 0.4387, 0.7470 }, { 0.1091, 0.8732, 0.5547 }, { 0.0381, 0.5743, 0.8828 },
    };

    private static AnalyticFunction Hartmann3() => new(
        "hartmann3",
        Read.Box(0, 3, 0, 1),
        Direction.Minimize,
        p =>
        {
            var x = Read.Vector(p, 0, 3);
            var sum = 0.0;
            for (var i = 0; i < 4; i++)
            {
                var inner = 0.0;
                for (var j = 0; j < 3; j++)
                {
                    inner += Hartmann3A[i, j] * (x[j] - Hartmann3P[i, j]) * (x[j] - Hartmann3P[i, j]);
                }

                sum += Hartmann3Alpha[i] * Math.Exp(-inner);
            }

            return -sum;
        },
        -3.86278214782076);

    private static readonly double[] ShekelBeta = [0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5];

    private static readonly double[,] ShekelC =
    {
        { 4, 1, 8, 6, 3, 2, 5, 8, 6, 7 }, { 4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6 },
        { 4, 1, 8, 6, 3, 2, 5, 8, 6, 7 }, { 4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6 },
    };

    private static AnalyticFunction Shekel10() => new(
        "shekel10",
        Read.Box(0, 4, 0, 10),
        Direction.Minimize,
        p =>
        {
            var x = Read.Vector(p, 0, 4);
            var sum = 0.0;
            for (var i = 0; i < 10; i++)
            {
                var squared = 0.0;
                for (var j = 0; j < 4; j++)
                {
                    squared += (x[j] - ShekelC[j, i]) * (x[j] - ShekelC[j, i]);
                }

                sum += 1 / (squared + ShekelBeta[i]);
            }

            return -sum;
        },
        -10.536409816692);

    private static AnalyticFunction Michalewicz5() => new(
        "michalewicz5",
        Read.Box(0, 5, 0, Math.PI),
        Direction.Minimize,
        p =>
        {
            var x = Read.Vector(p, 0, 5);
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                sum += Math.Sin(x[i]) * Math.Pow(Math.Sin((i + 1) * x[i] * x[i] / Math.PI), 20);
            }

            return -sum;
        },
        -4.687658);

    private static AnalyticFunction Griewank8() => new(
        "griewank8",
        Read.Box(0, 8, -600, 600),
        Direction.Minimize,
        p =>
        {
            var x = Read.Vector(p, 0, 8);
            var (squares, product) = (0.0, 1.0);
            for (var i = 0; i < x.Length; i++)
            {
                squares += x[i] * x[i];
                product *= Math.Cos(x[i] / Math.Sqrt(i + 1));
            }

            return squares / 4000 - product + 1;
        },
        0.0);

    private static AnalyticFunction Ackley10() => new(
        "ackley10",
        Read.Box(0, 10, -32.768, 32.768),
        Direction.Minimize,
        p => AckleyFormula.Value(Read.Vector(p, 0, 10)),
        0.0);

    private static AnalyticFunction Rosenbrock10() => new(
        "rosenbrock10",
        Read.Box(0, 10, -5, 10),
        Direction.Minimize,
        p => RosenbrockFormula.Value(Read.Vector(p, 0, 10)),
        0.0);

    /// <summary>Branin on the first two of 20 unit coordinates; the other 18 do not matter.</summary>
    private static AnalyticFunction Branin20() => new(
        "branin20",
        Read.Box(0, 20, 0, 1),
        Direction.Minimize,
        p => BraninFormula.Value(-5 + 15 * Read.Number(p, "x0"), 15 * Read.Number(p, "x1")),
        BraninFormula.Minimum);

    private static readonly Dictionary<string, double> Mixed5Offsets = new(StringComparer.Ordinal) { ["a"] = 1.0, ["b"] = 0.0, ["c"] = 2.0 };

    /// <summary>branin(x1, x2) + 0.5 (n1 - 3)^2 + 2 (log10 n2 - 2)^2 + {a: 1, b: 0, c: 2}[c]: floats, a plain int, a
    /// log-scaled int and a categorical.</summary>
    private static AnalyticFunction Mixed5() => new(
        "mixed5",
        new SearchSpace([
            new FloatParameter("x1", -5, 10), new FloatParameter("x2", 0, 15), new IntParameter("n1", 0, 10),
            new IntParameter("n2", 1, 1000, Log: true), new CategoricalParameter("c", ["a", "b", "c"]),
        ]),
        Direction.Minimize,
        p =>
        {
            var n1 = Read.Number(p, "n1");
            var n2 = Math.Log10(Read.Number(p, "n2"));
            return BraninFormula.Value(Read.Number(p, "x1"), Read.Number(p, "x2")) + 0.5 * (n1 - 3) * (n1 - 3)
                + 2 * (n2 - 2) * (n2 - 2) + Mixed5Offsets[(string)p["c"]];
        },
        BraninFormula.Minimum);
}
