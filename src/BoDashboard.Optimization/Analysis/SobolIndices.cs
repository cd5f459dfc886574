namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// Variance-based sensitivity of a function on the unit cube: per input, the first-order index (the share of the
/// variance explained by that input alone) and the total index (its share including every interaction it takes part
/// in). <see cref="Variance"/> is the function's total variance; when it is 0 the indices are undefined (NaN).
/// </summary>
public sealed record SobolIndices(IReadOnlyList<double> First, IReadOnlyList<double> Total, double Variance);
