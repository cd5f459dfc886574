namespace BoDashboard.Optimization.Posterior;

/// <summary>
/// GP mean, standard deviation (objective units) and acquisition along one parameter, the others held at
/// <see cref="FixedParameters"/>; the axis is in natural units (log-spaced when XLog). Curves are empty when no
/// trial has completed yet.
/// </summary>
public sealed record PosteriorSlice1D(
    string XName,
    bool XLog,
    double[] XAxis,
    double[] Mean,
    double[] Std,
    double[] Acquisition,
    string AcquisitionName,
    IReadOnlyList<PosteriorObservation> Observations,
    PosteriorPoint? Best,
    PosteriorPoint? NextCandidate,
    IReadOnlyDictionary<string, object> FixedParameters)
{
    /// <summary>Trials stopped early by a pruner, at their parameters, with the value they were stopped at. Kept apart
    /// from <see cref="Observations"/> (completed trials only): the GP counts a pruned trial as an estimate of where its
    /// curve was heading, not as this value, and the plots draw them differently.</summary>
    public IReadOnlyList<PosteriorObservation> PrunedObservations { get; init; } = [];

    /// <summary>Trials still running (pending points of the sampler), drawn hollow.</summary>
    public IReadOnlyList<PosteriorRunningTrial> RunningTrials { get; init; } = [];

    /// <summary>When the next candidate is a trust-region step: the box it was chosen in, on this slice's axes.</summary>
    public PosteriorRegion? NextRegion { get; init; }
}
