namespace BoDashboard.Benchmarks;

/// <summary>Ackley's function (a = 20, b = 0.2, c = 2 pi): minimum 0 at the origin, a lattice of local minima.</summary>
internal static class AckleyFormula
{
    public static double Value(double[] x)
    {
        var (squares, cosines) = (0.0, 0.0);
        foreach (var v in x)
        {
            squares += v * v;
            cosines += Math.Cos(2 * Math.PI * v);
        }

        return -20 * Math.Exp(-0.2 * Math.Sqrt(squares / x.Length)) - Math.Exp(cosines / x.Length) + 20 + Math.E;
    }
}
