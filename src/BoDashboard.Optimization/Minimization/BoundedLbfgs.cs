namespace BoDashboard.Optimization.Minimization;

/// <summary>
/// Projected L-BFGS for box-constrained minimisation with analytic gradients. Coordinates pinned at a bound with
/// the gradient pushing outward are frozen for the step; the step is projected onto the box and accepted by an
/// Armijo backtracking test. Never throws on a bad objective: it returns the best point it evaluated.
/// </summary>
internal static class BoundedLbfgs
{
    /// <summary>Computes f(x) and writes its gradient into the second argument.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public static (double[] X, double Value, int Evaluations) Minimize(Objective f, ReadOnlySpan<double> start,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int maxIterations = 100, int memory = 8,
        double gradientTolerance = 1e-6, double relativeTolerance = 1e-9)
    {
        var n = start.Length;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Clamp(start[i], lower[i], upper[i]);
        }

        var g = new double[n];
        var fx = f(x, g);
        var evaluations = 1;
        if (!double.IsFinite(fx))
        {
            return (x, fx, evaluations);
        }

        var s = new List<double[]>(memory);
        var y = new List<double[]>(memory);
        var rho = new List<double>(memory);
        var d = new double[n];
        var xn = new double[n];
        var gn = new double[n];
        var free = new bool[n];
        var alpha = new double[memory];

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var projectedNorm = 0.0;
            for (var i = 0; i < n; i++)
            {
                var atLower = x[i] <= lower[i] && g[i] > 0;
                var atUpper = x[i] >= upper[i] && g[i] < 0;
                free[i] = !(atLower || atUpper);
                if (free[i])
                {
                    projectedNorm = Math.Max(projectedNorm, Math.Abs(g[i]));
                }
            }

            if (projectedNorm < gradientTolerance)
            {
                break;
            }

            // Two-loop recursion on the free coordinates.
            for (var i = 0; i < n; i++)
            {
                d[i] = free[i] ? -g[i] : 0;
            }

            for (var k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * MaskedDot(s[k], d, free);
                MaskedAxpy(-alpha[k], y[k], d, free);
            }

            if (s.Count > 0)
            {
                var last = s.Count - 1;
                var gamma = MaskedDot(s[last], y[last], free) / Math.Max(MaskedDot(y[last], y[last], free), 1e-300);
                if (gamma > 0 && double.IsFinite(gamma))
                {
                    for (var i = 0; i < n; i++)
                    {
                        d[i] *= gamma;
                    }
                }
            }

            for (var k = 0; k < s.Count; k++)
            {
                var beta = rho[k] * MaskedDot(y[k], d, free);
                MaskedAxpy(alpha[k] - beta, s[k], d, free);
            }

            var slope = MaskedDot(g, d, free);
            if (!(slope < 0) || !double.IsFinite(slope))
            {
                // Curvature memory went bad: fall back to steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
                for (var i = 0; i < n; i++)
                {
                    d[i] = free[i] ? -g[i] : 0;
                }
            }

            var step = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Max(projectedNorm, 1e-12)) : 1.0;
            var accepted = false;
            double fn = 0;
            for (var trial = 0; trial < 30; trial++)
            {
                var decrease = 0.0;
                for (var i = 0; i < n; i++)
                {
                    xn[i] = Math.Clamp(x[i] + step * d[i], lower[i], upper[i]);
                    decrease += g[i] * (xn[i] - x[i]);
                }

                fn = f(xn, gn);
                evaluations++;
                if (double.IsFinite(fn) && fn <= fx + 1e-4 * decrease)
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                break;
            }

            var sk = new double[n];
            var yk = new double[n];
            var sy = 0.0;
            for (var i = 0; i < n; i++)
            {
                sk[i] = xn[i] - x[i];
                yk[i] = gn[i] - g[i];
                sy += sk[i] * yk[i];
            }

            var previous = fx;
            Array.Copy(xn, x, n);
            Array.Copy(gn, g, n);
            fx = fn;
            if (sy > 1e-12)
            {
                if (s.Count == memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                    rho.RemoveAt(0);
                }

                s.Add(sk);
                y.Add(yk);
                rho.Add(1.0 / sy);
            }

            if (previous - fx <= relativeTolerance * Math.Max(1.0, Math.Abs(fx)))
            {
                break;
            }
        }

        return (x, fx, evaluations);
    }

    private static double MaskedDot(double[] a, double[] b, bool[] mask)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            if (mask[i])
            {
                sum += a[i] * b[i];
            }
        }

        return sum;
    }

    private static void MaskedAxpy(double alpha, double[] x, double[] y, bool[] mask)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (mask[i])
            {
                y[i] += alpha * x[i];
            }
        }
    }
}
