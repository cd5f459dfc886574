namespace BoDashboard.Optimization.Posterior;

/// <summary>A full parameter assignment marked on a slice (the best trial, or the next candidate) and its value if known.</summary>
public sealed record PosteriorPoint(IReadOnlyDictionary<string, object> Params, double? Value);
