namespace BoDashboard.Client;

/// <summary>The body of <c>POST /api/studies</c>. Settings left <c>null</c> are not sent and take the server's
/// defaults; the server rejects unknown or invalid settings with a problem naming the field
/// (<see cref="BoDashboardApiException.Errors"/>).</summary>
public sealed record StudyDefinition
{
    /// <summary>A name shown in the dashboard (at most 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>What the trials evaluate; <see cref="ObjectiveDefinition.External"/> for ask/tell.</summary>
    public required ObjectiveDefinition Objective { get; init; }

    /// <summary>The search space.</summary>
    public required IReadOnlyList<ParameterDefinition> Parameters { get; init; }

    /// <summary><c>maximize</c> (the default) or <c>minimize</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>How trials are proposed (default: gp-ei).</summary>
    public SamplerDefinition? Sampler { get; init; }

    /// <summary>How trials are stopped early (default: none).</summary>
    public PrunerDefinition? Pruner { get; init; }

    /// <summary>Number of trials (default 30).</summary>
    public int? Budget { get; init; }

    /// <summary>Trials that may run at once (default 1; for external studies the caller decides by asking).</summary>
    public int? Parallelism { get; init; }

    /// <summary>Failed trials in a row after which the server fails the study (default 5).</summary>
    public int? MaxConsecutiveFailures { get; init; }
}
