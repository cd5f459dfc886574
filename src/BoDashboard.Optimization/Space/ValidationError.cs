namespace BoDashboard.Optimization.Space;

/// <summary>A problem with one input field, e.g. Field = "parameters[1].low".</summary>
public sealed record ValidationError(string Field, string Message);
