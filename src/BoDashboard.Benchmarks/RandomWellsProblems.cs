using BoDashboard.Optimization;

namespace BoDashboard.Benchmarks;

/// <summary>
/// Tuning problems of a kind the rest of the tuning set lacks: a few wells of random depths and widths at random
/// places, each -depth / (1 + r^2 / width^2), so the best well is one narrow basin among several that look alike from
/// afar, while their heavy tails tilt the whole space towards them (Shekel's family, with random centres, depths and
/// widths; the held-out suite's shekel10 is one fixed member of it, so its figure is less independent of these than
/// the others are). Instances come from fixed generator seeds, taken in order and not chosen. Minimised; the optimum
/// is found by descending from every well's centre.
/// </summary>
internal static class RandomWellsProblems
{
    public static IEnumerable<(string Name, Func<AnalyticFunction> Create)> All() =>
        [("wells4", () => Create("wells4", dimension: 4, wells: 10, generatorSeed: 1)), ("wells5", () => Create("wells5", dimension: 5, wells: 12, generatorSeed: 2))];

    private const double Side = 10;

    /// <summary>The wells of one instance: centres in [1, 9]^d, depths 1-5, widths 0.3-0.8.</summary>
    internal sealed record Well(double[] Centre, double Depth, double Width);

    internal static Well[] Generate(int dimension, int wells, int generatorSeed)
    {
        var random = new Random(generatorSeed);
        return Enumerable.Range(0, wells)
            .Select(_ => new Well(
                Enumerable.Range(0, dimension).Select(_ => 1 + (Side - 2) * random.NextDouble()).ToArray(),
                1 + 4 * random.NextDouble(),
                0.3 + 0.5 * random.NextDouble()))
            .ToArray();
    }

    internal static double Value(Well[] wells, double[] x)
    {
        var sum = 0.0;
        foreach (var well in wells)
        {
            var r2 = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                r2 += (x[j] - well.Centre[j]) * (x[j] - well.Centre[j]);
            }

            sum += well.Depth / (1 + r2 / (well.Width * well.Width));
        }

        return -sum;
    }

    /// <summary>The local minimum reached from <paramref name="start"/> by gradient descent with step halving.</summary>
    internal static double[] Descend(Well[] wells, double[] start)
    {
        var x = (double[])start.Clone();
        var fx = Value(wells, x);
        var step = 0.1;
        for (var iteration = 0; iteration < 20000 && step > 1e-12; iteration++)
        {
            var gradient = new double[x.Length];
            foreach (var well in wells)
            {
                var r2 = 0.0;
                for (var j = 0; j < x.Length; j++)
                {
                    r2 += (x[j] - well.Centre[j]) * (x[j] - well.Centre[j]);
                }

                var w2 = well.Width * well.Width;
                var q = 1 + r2 / w2;
                var weight = 2 * well.Depth / (w2 * q * q);
                for (var j = 0; j < x.Length; j++)
                {
                    gradient[j] += weight * (x[j] - well.Centre[j]);
                }
            }

            var next = x.Select((v, j) => Math.Clamp(v - step * gradient[j], 0, Side)).ToArray();
            var fn = Value(wells, next);
            if (fn < fx)
            {
                (x, fx) = (next, fn);
                step *= 1.5;
            }
            else
            {
                step *= 0.5;
            }
        }

        return x;
    }

    private static AnalyticFunction Create(string name, int dimension, int wells, int generatorSeed)
    {
        var instance = Generate(dimension, wells, generatorSeed);
        var optimum = instance.Min(w => Value(instance, Descend(instance, w.Centre)));
        return new AnalyticFunction(name, Read.Box(0, dimension, 0, Side), Direction.Minimize, p => Value(instance, Read.Vector(p, 0, dimension)), optimum);
    }
}
