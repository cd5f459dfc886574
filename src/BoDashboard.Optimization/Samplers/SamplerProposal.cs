using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// What a sampler will propose next and why: the parameters (natural units), how they were chosen (one of
/// <see cref="SuggestionOrigins"/>), the score of the function that was maximised (standardised units; null when no
/// model chose the point), the GP it used (null before the first fit) and, for a trust-region step, the box (unit
/// cube, per encoded coordinate) the acquisition was maximised in.
/// </summary>
public sealed record SamplerProposal(
    IReadOnlyDictionary<string, object> Params,
    string Origin,
    double? AcquisitionValue,
    GaussianProcessModel? Model,
    double[]? RegionLower = null,
    double[]? RegionUpper = null)
{
    public Suggestion ToSuggestion() => new(Params, Origin, AcquisitionValue);
}
