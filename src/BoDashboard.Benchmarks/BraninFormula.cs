namespace BoDashboard.Benchmarks;

/// <summary>The Branin-Hoo function on x1 in [-5, 10], x2 in [0, 15]: three global minima of 0.397887.</summary>
internal static class BraninFormula
{
    public const double Minimum = 0.39788735772973816;

    public static double Value(double x1, double x2)
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI);
        const double c = 5 / Math.PI;
        const double t = 1 / (8 * Math.PI);
        var a = x2 - b * x1 * x1 + c * x1 - 6;
        return a * a + 10 * (1 - t) * Math.Cos(x1) + 10;
    }
}
