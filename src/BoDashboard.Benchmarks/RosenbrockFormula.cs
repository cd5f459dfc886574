namespace BoDashboard.Benchmarks;

/// <summary>Rosenbrock's valley: minimum 0 at (1, ..., 1).</summary>
internal static class RosenbrockFormula
{
    public static double Value(double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            sum += 100 * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]) + (1 - x[i]) * (1 - x[i]);
        }

        return sum;
    }
}
