using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Space;
using MathNet.Numerics.Distributions;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// A Thompson-sampled ask while trials are pending (<see cref="SamplerSettings.Thompson"/>; it replaces the global
/// acquisition step, while trust-region steps keep EI on the believing GP): the maximiser of one
/// joint draw from the posterior over a candidate set, a third uniform over the space, a third uniform in a trust region
/// around the incumbent and a third small steps from it (TuRBO's batch rule, Eriksson et al. 2019; asynchronous
/// Thompson sampling, Kandasamy et al. 2018).
/// The GP already believes the pending trials (noise-free fantasies at its mean), so a draw cannot prefer a pending
/// point; different draws give a batch its spread, and a draw's maximum near the incumbent steps on from it instead of
/// only away from the pending points.
/// </summary>
internal static class ThompsonStep
{
    /// <summary>Candidates per draw: the covariance's Cholesky factor costs m^3 / 3, about 5e7 operations at 512.</summary>
    public const int Candidates = 512;

    /// <summary>The draw's best candidate and its (standardised) value; null when every candidate was already tried.</summary>
    public static (double[] Point, double Value)? Choose(SearchSpace space, GaussianProcessModel model, double[]? incumbent,
        double[] lower, double[] upper, Func<double[], bool> isAllowed, Random random)
    {
        var dims = space.Dimension;
        var candidates = new List<double[]>(Candidates);
        for (var i = 0; i < Candidates * 4 && candidates.Count < Candidates; i++)
        {
            var x = space.SampleUnit(random);
            if (incumbent is not null && i % 3 == 1)
            {
                // Float coordinates uniform in the trust region, discrete ones the incumbent's.
                for (var d = 0; d < dims; d++)
                {
                    x[d] = space.ContinuousMask[d] ? lower[d] + x[d] * (upper[d] - lower[d]) : incumbent[d];
                }

                space.Project(x);
            }
            else if (incumbent is not null && i % 3 == 2)
            {
                // Small steps from the incumbent (as the acquisition search's local candidates), so a draw can also
                // refine the best point finer than uniform candidates in the region resolve.
                var scale = (i / 3 % 3) switch { 0 => 0.002, 1 => 0.02, _ => 0.1 };
                for (var d = 0; d < dims; d++)
                {
                    x[d] = space.ContinuousMask[d] ? Math.Clamp(incumbent[d] + scale * Normal.Sample(random, 0, 1), lower[d], upper[d]) : incumbent[d];
                }

                space.Project(x);
            }

            if (isAllowed(x))
            {
                candidates.Add(x);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var flat = new double[candidates.Count * dims];
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i].CopyTo(flat, i * dims);
        }

        var draw = model.SampleJointStandardized(flat, random);
        var best = 0;
        for (var i = 1; i < draw.Length; i++)
        {
            if (draw[i] > draw[best])
            {
                best = i;
            }
        }

        return (candidates[best], draw[best]);
    }
}
