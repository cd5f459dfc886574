namespace BoDashboard.Optimization.Posterior;

/// <summary>A completed trial as drawn on a slice: its coordinates (Y is null on a 1-D slice) and its value.</summary>
public sealed record PosteriorObservation(int Number, double X, double? Y, double Value);
