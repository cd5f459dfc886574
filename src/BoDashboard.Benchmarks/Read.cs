using System.Globalization;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Benchmarks;

/// <summary>Boxes of x-named parameters, and reads a trial's parameter values (ints arrive as long, floats as double, categoricals as string).</summary>
internal static class Read
{
    public static double Number(IReadOnlyDictionary<string, object> p, string name) => Convert.ToDouble(p[name], CultureInfo.InvariantCulture);

    /// <summary>x{first}, x{first+1}, ... x{first+n-1}.</summary>
    public static double[] Vector(IReadOnlyDictionary<string, object> p, int first, int n)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Number(p, $"x{first + i}");
        }

        return x;
    }

    /// <summary>A box of n float parameters x{first} ... x{first+n-1}, each in [low, high].</summary>
    public static SearchSpace Box(int first, int n, double low, double high) =>
        new(Enumerable.Range(first, n).Select(i => (ParameterSpec)new FloatParameter($"x{i}", low, high)).ToArray());
}
