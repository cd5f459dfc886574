using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// A GP of the incumbent's neighbourhood alone, for a trust-region step: fitted to the observations inside the box
/// doubled around its centre (and at least the nearest <see cref="MinPoints"/>), in coordinates where that region is the
/// unit cube, so its length-scale prior and search are at the box's scale. The global GP reads structure much finer
/// than its length scales (Griewank's or Rastrigin's ripples inside the bowl) as noise, so its acquisition cannot tell
/// one ripple from the next once the box is that small.
/// </summary>
/// <remarks>Used once the box has halved twice (<see cref="BelowSide"/>): in a larger box the global GP, fitted to every
/// point, is the better model (on the tuning set a local GP at every trust-region step lost on Ackley and Rosenbrock).
/// </remarks>
internal static class LocalTrustRegionModel
{
    /// <summary>Trust-region steps with a box side at most this use the local GP.</summary>
    public const double BelowSide = TrustRegionSchedule.InitialSide / 4 + 1e-12;

    /// <summary>Fewest points the local GP is fitted to: 2d + 2, as few as a quadratic's gradient and diagonal need.</summary>
    public static int MinPoints(int dimensions) => 2 * dimensions + 2;

    /// <summary>The acquisition of the local GP in the global unit cube's coordinates (its gradient included).</summary>
    public static IAcquisition Acquisition(ObservationSet observations, double[] lower, double[] upper, GaussianProcessOptions options,
        Func<GaussianProcessModel, IAcquisition> acquisition)
    {
        var dims = lower.Length;
        var offset = new double[dims];
        var width = new double[dims];
        for (var d = 0; d < dims; d++)
        {
            var half = Math.Max(upper[d] - lower[d], 1e-9) / 2;
            offset[d] = lower[d] - half;
            width[d] = 4 * half;
        }

        double Distance(double[] x)
        {
            var sum = 0.0;
            for (var d = 0; d < dims; d++)
            {
                var z = (x[d] - offset[d]) / width[d] - 0.5;
                sum += z * z;
            }

            return sum;
        }

        bool Inside(double[] x)
        {
            for (var d = 0; d < dims; d++)
            {
                if (x[d] < offset[d] || x[d] > offset[d] + width[d])
                {
                    return false;
                }
            }

            return true;
        }

        var completed = Enumerable.Range(0, observations.CompletedCount).ToList();
        var nearest = completed.OrderBy(i => Distance(observations.Inputs[i])).Take(MinPoints(dims));
        var chosen = completed.Where(i => Inside(observations.Inputs[i])).Union(nearest).Order().ToList();
        var inputs = chosen.Select(i => ToLocal(observations.Inputs[i], offset, width)).ToList();
        var targets = chosen.Select(i => observations.Targets[i]).ToList();
        return new Scaled(acquisition(GaussianProcessModel.Fit(inputs, targets, options)), offset, width);
    }

    private static double[] ToLocal(double[] x, double[] offset, double[] width)
    {
        var u = new double[x.Length];
        for (var d = 0; d < x.Length; d++)
        {
            u[d] = (x[d] - offset[d]) / width[d];
        }

        return u;
    }

    /// <summary>An acquisition over local coordinates, evaluated at global ones.</summary>
    private sealed class Scaled(IAcquisition inner, double[] offset, double[] width) : IAcquisition
    {
        public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
        {
            var local = new double[points.Length];
            for (var i = 0; i < points.Length; i++)
            {
                var d = i % offset.Length;
                local[i] = (points[i] - offset[d]) / width[d];
            }

            inner.Evaluate(local, values);
        }

        public double EvaluateWithGradient(ReadOnlySpan<double> point, Span<double> gradient)
        {
            var value = inner.EvaluateWithGradient(ToLocal(point.ToArray(), offset, width), gradient);
            for (var d = 0; d < gradient.Length; d++)
            {
                gradient[d] /= width[d];
            }

            return value;
        }
    }
}
