namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// One parameter's share of the variance of the GP mean over the search space: first order (alone) and total
/// (with its interactions), each with a standard error from the bootstrap refits.
/// </summary>
public sealed record ParameterImportanceEntry(string Name, double First, double FirstError, double Total, double TotalError);
