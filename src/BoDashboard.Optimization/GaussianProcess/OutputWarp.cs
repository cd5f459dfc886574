namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// A monotone warp of targets (larger is better) before the GP sees them: with u = best - t the distance below the
/// incumbent, t' = best - c ln(1 + u / c). Values within about c of the best are left almost unchanged (slope 1 at the
/// incumbent, so xi keeps its meaning in objective units) while a heavy tail of bad values (Rosenbrock's thousands
/// next to an optimum of 0) is compressed logarithmically, so it no longer dominates the standardisation and the
/// length scales. The identity when <see cref="Scale"/> is infinite.
/// </summary>
public sealed record OutputWarp(double Best, double Scale)
{
    public static OutputWarp Identity { get; } = new(0, double.PositiveInfinity);

    public bool IsIdentity => double.IsPositiveInfinity(Scale);

    /// <summary>
    /// Chooses the scale from the data: the lower quartile of the distances below the best, so the good quarter of the
    /// observations stays on a nearly linear scale. Targets without a heavy tail (mean distance below 1.3 times the
    /// median) stay unwarped.
    /// </summary>
    public static OutputWarp For(IReadOnlyList<double> targets)
    {
        if (targets.Count < 3)
        {
            return Identity;
        }

        var best = targets.Max();
        var distances = targets.Select(t => best - t).Where(u => u > 0).OrderBy(u => u).ToArray();
        if (distances.Length < 2)
        {
            return Identity;
        }

        // Warping a light tail (Ackley: almost every value near 20) only blurs the good region: measured worse.
        var median = distances[distances.Length / 2];
        if (distances.Average() < 1.3 * median)
        {
            return Identity;
        }

        var scale = distances[(int)Math.Floor(0.25 * (distances.Length - 1))];
        return scale > 0 ? new OutputWarp(best, scale) : Identity;
    }

    public double Forward(double t) => IsIdentity ? t : Best - Scale * Math.Log(1 + Math.Max(Best - t, -0.999999 * Scale) / Scale);

    public double Inverse(double warped) => IsIdentity ? warped : Best - Scale * (Math.Exp((Best - warped) / Scale) - 1);

    /// <summary>d(original)/d(warped) at a warped value, to carry a standard deviation back (delta method).</summary>
    public double InverseSlope(double warped) => IsIdentity ? 1 : Math.Exp((Best - warped) / Scale);
}
