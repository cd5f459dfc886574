namespace BoDashboard.Optimization.Posterior;

/// <summary>The box a trust-region step searched, projected on a slice's axes (natural units; Y bounds null on a
/// 1-D slice).</summary>
public sealed record PosteriorRegion(double XLow, double XHigh, double? YLow, double? YHigh);
