namespace BoDashboard.Optimization.Posterior;

/// <summary>A trial still running, as drawn on a slice (a hollow mark): where it is, how far from the slice
/// (see <see cref="PosteriorObservation.Distance"/>) and its parameters. Y is null on a 1-D slice.</summary>
public sealed record PosteriorRunningTrial(int Number, double X, double? Y, IReadOnlyDictionary<string, object> Params, double Distance);
