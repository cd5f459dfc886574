using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// Local penalisation (González et al. 2016, "Batch Bayesian optimization via local penalization"): an acquisition
/// multiplied, for each pending point x_j, by the probability that x lies outside the ball around x_j which cannot
/// hold the maximum, radius (M - mu(x_j)) / L, under the GP at x_j: phi_j(x) = Phi((L |x - x_j| - M + mu(x_j)) / sigma(x_j)).
/// M is the incumbent and L a Lipschitz constant of the objective, both from the GP (standardised units, unit cube).
/// Near a pending point the score drops towards zero; far from every pending point it is the plain acquisition.
/// </summary>
/// <remarks>
/// The product needs a non-negative score: EI and PI are; UCB and the posterior mean pass through a softplus first,
/// as in the paper. The GP is the one fitted to completed trials only: the penalty, not a fantasy, stands for them.
/// </remarks>
public sealed class LocalPenalisation : IAcquisition
{
    // GPyOpt's floor: a flat mean would make every radius infinite.
    private const double MinimumLipschitz = 1e-7;

    private readonly IAcquisition _inner;
    private readonly bool _softplus;
    private readonly double[][] _centres;
    private readonly double[] _offsets;
    private readonly double[] _scales;
    private readonly double _lipschitz;
    private readonly int _dims;

    /// <param name="inner">The acquisition to penalise.</param>
    /// <param name="model">The GP fitted to completed trials, without the pending ones.</param>
    /// <param name="pending">Unit-cube points still being evaluated.</param>
    /// <param name="lipschitz">Largest gradient norm of the GP mean (see <see cref="EstimateLipschitz"/>).</param>
    public LocalPenalisation(IAcquisition inner, GaussianProcessModel model, IReadOnlyList<double[]> pending, double lipschitz)
    {
        _inner = inner;
        _softplus = inner is not (ExpectedImprovement or ProbabilityOfImprovement);
        _lipschitz = Math.Max(lipschitz, MinimumLipschitz);
        _dims = model.Dimension;
        _centres = pending.Select(p => (double[])p.Clone()).ToArray();
        _offsets = new double[_centres.Length];
        _scales = new double[_centres.Length];
        var flat = _centres.SelectMany(p => p).ToArray();
        var mean = new double[_centres.Length];
        var std = new double[_centres.Length];
        model.PredictStandardized(flat, mean, std);
        for (var j = 0; j < _centres.Length; j++)
        {
            // phi_j = Phi((L r - (M - mu_j)) / sigma_j); a pending point predicted above the incumbent penalises nothing
            // beyond its own neighbourhood, as in the paper.
            _offsets[j] = model.StandardizedBest - mean[j];
            _scales[j] = Math.Max(std[j], 1e-9);
        }
    }

    /// <summary>Number of pending points that penalise the score.</summary>
    public int PendingCount => _centres.Length;

    /// <summary>
    /// The largest gradient norm of the GP's standardised mean over <paramref name="probes"/> (unit-cube points, e.g.
    /// random ones plus the observations): the paper's estimate of L, without its extra local search.
    /// </summary>
    public static double EstimateLipschitz(GaussianProcessModel model, IEnumerable<double[]> probes)
    {
        var dims = model.Dimension;
        var gradient = new double[dims];
        var unused = new double[dims];
        var largest = 0.0;
        foreach (var x in probes)
        {
            model.PredictStandardizedWithGradient(x, out _, out _, gradient, unused);
            var norm = Math.Sqrt(gradient.Sum(g => g * g));
            if (double.IsFinite(norm))
            {
                largest = Math.Max(largest, norm);
            }
        }

        return largest;
    }

    public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
    {
        _inner.Evaluate(points, values);
        for (var i = 0; i < values.Length; i++)
        {
            var x = points.Slice(i * _dims, _dims);
            var value = _softplus ? Softplus(values[i], out _) : values[i];
            for (var j = 0; j < _centres.Length; j++)
            {
                value *= Penalty(j, x, out _, out _);
            }

            values[i] = value;
        }
    }

    public double EvaluateWithGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var raw = _inner.EvaluateWithGradient(point, gradient);
        var value = raw;
        if (_softplus)
        {
            value = Softplus(raw, out var slope);
            for (var d = 0; d < gradient.Length; d++)
            {
                gradient[d] *= slope;
            }
        }

        // d(g prod phi_j) = prod phi_j dg + g prod phi_j sum_j dphi_j / phi_j, with dphi_j/dx = pdf_j L (x - x_j) / (sigma_j r_j).
        var product = 1.0;
        Span<double> logGradient = stackalloc double[point.Length];
        logGradient.Clear();
        for (var j = 0; j < _centres.Length; j++)
        {
            var phi = Penalty(j, point, out var pdf, out var distance);
            product *= phi;
            if (distance > 0 && phi > 0)
            {
                var factor = pdf * _lipschitz / (_scales[j] * distance * phi);
                for (var d = 0; d < point.Length; d++)
                {
                    logGradient[d] += factor * (point[d] - _centres[j][d]);
                }
            }
        }

        for (var d = 0; d < gradient.Length; d++)
        {
            gradient[d] = product * (gradient[d] + value * logGradient[d]);
        }

        return value * product;
    }

    private double Penalty(int j, ReadOnlySpan<double> x, out double pdf, out double distance)
    {
        var centre = _centres[j];
        var squared = 0.0;
        for (var d = 0; d < centre.Length; d++)
        {
            var diff = x[d] - centre[d];
            squared += diff * diff;
        }

        distance = Math.Sqrt(squared);
        var z = (_lipschitz * distance - _offsets[j]) / _scales[j];
        pdf = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
        return 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
    }

    private static double Softplus(double a, out double slope)
    {
        slope = 1.0 / (1.0 + Math.Exp(-a));
        return a > 30 ? a : double.LogP1(Math.Exp(a));
    }
}
