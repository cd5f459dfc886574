namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// One proposed trial in natural units. SuggestedBy is "initial", "acquisition", "random" or "grid";
/// AcquisitionValue is the acquisition score (standardised units) when the GP chose the point.
/// </summary>
public sealed record Suggestion(IReadOnlyDictionary<string, object> Params, string SuggestedBy, double? AcquisitionValue);
