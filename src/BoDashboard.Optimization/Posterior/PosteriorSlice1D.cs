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
    IReadOnlyDictionary<string, object> FixedParameters);
