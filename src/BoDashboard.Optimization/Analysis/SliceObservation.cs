namespace BoDashboard.Optimization.Analysis;

/// <summary>A completed trial as a slice plots it: its value against the parameter's value (a number, or the choice
/// of a categorical parameter).</summary>
public sealed record SliceObservation(int Number, double? X, string? Choice, double Value);
