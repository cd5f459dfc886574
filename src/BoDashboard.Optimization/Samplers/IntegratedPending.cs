using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// The acquisition integrated over the pending trials' outcomes (<see cref="SamplerSettings.Integrated"/>; Spearmint's
/// rule, Snoek, Larochelle and Adams 2012, section 3.3): <see cref="Draws"/> joint draws of the latent function at the
/// pending points from the GP on completed trials (in antithetic pairs), one fantasised GP per draw (noise-free there),
/// and the mean of their acquisitions. Averaged, the draws keep the believer's spread (every fantasised GP is certain at the pending points)
/// while the draws that come back better than the mean pull the acquisition on from them, those worse away.
/// </summary>
internal static class IntegratedPending
{
    /// <summary>Fantasised GPs per ask (even: antithetic pairs). Each costs a refactorisation of the GP and one more
    /// acquisition per candidate: at 50 trials the ask is about twice as expensive as the believer's.</summary>
    public const int Draws = 16;

    /// <summary>The averaged acquisition for <paramref name="pending"/> (unit-cube points, none repeated) under
    /// <paramref name="completed"/>, the GP fitted to completed trials alone.</summary>
    public static AveragedAcquisition Create(GaussianProcessModel completed, IReadOnlyList<double[]> pending,
        Func<GaussianProcessModel, IAcquisition> acquisition, Random random)
    {
        var dims = completed.Dimension;
        var flat = new double[pending.Count * dims];
        for (var j = 0; j < pending.Count; j++)
        {
            pending[j].CopyTo(flat, j * dims);
        }

        // Antithetic pairs (mean + L z and mean - L z): the draws' mean is the posterior mean exactly, so the average
        // departs from the believer only by the spread of the outcomes, not by the sampling error of their centre.
        var half = completed.SampleJointStandardized(flat, random, Draws / 2);
        var mean = new double[pending.Count];
        var std = new double[pending.Count];
        completed.PredictStandardized(flat, mean, std);
        var draws = half.Concat(half.Select(d => d.Select((v, j) => 2 * mean[j] - v).ToArray())).ToArray();
        var parts = new IAcquisition[Draws];
        for (var k = 0; k < Draws; k++)
        {
            // Condition takes objective units: undo the standardisation and the output warp.
            var values = draws[k].Select(s => completed.Warp.Inverse(s * completed.TargetStd + completed.TargetMean)).ToArray();
            parts[k] = acquisition(completed.Condition(pending, values, exact: true));
        }

        return new AveragedAcquisition(parts);
    }
}
