namespace BoDashboard.Optimization.Samplers;

/// <summary>How a trial's parameters were chosen: stored with every trial (<c>SuggestedBy</c>) and shown with it.</summary>
public static class SuggestionOrigins
{
    /// <summary>One of the sampler's first random trials, before any model is fitted.</summary>
    public const string Initial = "initial";

    /// <summary>The acquisition's maximiser over the whole search space.</summary>
    public const string Acquisition = "acquisition";

    /// <summary>The acquisition's maximiser inside a trust region around the best trial (every other step late in a study).</summary>
    public const string TrustRegion = "trust-region";

    /// <summary>The last trial of a known budget: the posterior mean's maximiser (exploitation only).</summary>
    public const string Final = "final";

    /// <summary>The maximum of one joint posterior draw over candidates (the thompson pending strategy, while trials are pending).</summary>
    public const string Thompson = "thompson";

    /// <summary>A grid point (the grid sampler).</summary>
    public const string Grid = "grid";

    /// <summary>Uniformly random (the random sampler, or GP-EI while no trial has completed).</summary>
    public const string Random = "random";

    /// <summary>Words for a reader: "trust region" rather than "trust-region".</summary>
    public static string Describe(string origin) => origin switch
    {
        Initial => "initial (random)",
        Acquisition => "acquisition maximum",
        TrustRegion => "trust region (local acquisition maximum)",
        Final => "final exploitation (posterior mean maximum)",
        Thompson => "Thompson sample (maximum of one posterior draw)",
        Grid => "grid",
        Random => "random",
        _ => origin,
    };
}
