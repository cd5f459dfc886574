namespace BoDashboard.Optimization.Posterior;

/// <summary>A full parameter assignment marked on a slice (the best trial, or the next candidate) and its value if known.</summary>
public sealed record PosteriorPoint(IReadOnlyDictionary<string, object> Params, double? Value)
{
    /// <summary>For the next candidate: how the sampler chose it (see <c>SuggestionOrigins</c>); null for the best trial.</summary>
    public string? Origin { get; init; }

    /// <summary>For the next candidate: the score of what the sampler maximised (standardised units), when a model chose it.</summary>
    public double? AcquisitionValue { get; init; }

    /// <summary>How far the point lies from the slice it is drawn on (see <c>PosteriorObservation.Distance</c>): a next
    /// candidate with another categorical choice or other values off the axes is not on the maps drawn.</summary>
    public double Distance { get; init; }
}
