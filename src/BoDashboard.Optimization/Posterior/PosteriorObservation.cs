namespace BoDashboard.Optimization.Posterior;

/// <summary>A finished trial as drawn on a slice: its coordinates (Y is null on a 1-D slice) and its value. A slice's
/// <c>Observations</c> are its completed trials; its <c>PrunedObservations</c> the trials a pruner stopped, with the
/// value they had when stopped (their last intermediate value).</summary>
public sealed record PosteriorObservation(int Number, double X, double? Y, double Value);
