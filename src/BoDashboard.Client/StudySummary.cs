namespace BoDashboard.Client;

/// <summary>One row of <c>GET /api/studies</c> (newest first).</summary>
public sealed record StudySummary
{
    /// <summary>The study's id, used in every other call.</summary>
    public int Id { get; init; }

    /// <summary>The study's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>A short label of the objective, e.g. <c>external</c> or <c>analytic: branin</c>.</summary>
    public string Objective { get; init; } = "";

    /// <summary>The sampler's name.</summary>
    public string Sampler { get; init; } = "";

    /// <summary><c>maximize</c> or <c>minimize</c>.</summary>
    public string Direction { get; init; } = "";

    /// <summary>One of <see cref="StudyStates"/>.</summary>
    public string State { get; init; } = "";

    /// <summary>Trials that are no longer running.</summary>
    public int FinishedTrials { get; init; }

    /// <summary>Number of trials the study runs.</summary>
    public int Budget { get; init; }

    /// <summary>Best value so far, if any trial completed.</summary>
    public double? BestValue { get; init; }

    /// <summary>When the study was created (UTC).</summary>
    public DateTime CreatedAt { get; init; }
}
