namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// Hyperparameters fitted earlier to (nearly) the same data, with the standard deviation of the warped targets their
/// amplitude and noise are relative to, so they can be used again on data whose spread has changed a little.
/// </summary>
public sealed record PreviousFit(GaussianProcessHyperparameters Hyperparameters, double TargetStd)
{
    /// <summary>The hyperparameters for targets whose standard deviation is now <paramref name="targetStd"/>: amplitude
    /// and a learnt noise are variances, rescaled by the squared ratio; a <paramref name="fixedNoise"/> stays as given.</summary>
    public GaussianProcessHyperparameters InUnitsOf(double targetStd, double? fixedNoise)
    {
        var ratio = TargetStd / targetStd;
        return Hyperparameters with
        {
            Amplitude = Hyperparameters.Amplitude * ratio * ratio,
            Noise = fixedNoise ?? Hyperparameters.Noise * ratio * ratio,
        };
    }
}
