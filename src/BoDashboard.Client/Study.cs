using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoDashboard.Client;

/// <summary>A study with its settings and trials (<c>GET /api/studies/{id}</c>, and the answer to create, pause,
/// resume and cancel). Settings are shown as the server normalised them: defaults filled in.</summary>
public sealed record Study
{
    /// <summary>The study's id, used in every other call.</summary>
    public int Id { get; init; }

    /// <summary>The study's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>One of <see cref="StudyStates"/>.</summary>
    public string State { get; init; } = "";

    /// <summary><c>maximize</c> or <c>minimize</c>.</summary>
    public string Direction { get; init; } = "";

    /// <summary>What the trials evaluate.</summary>
    public ObjectiveDefinition Objective { get; init; } = ObjectiveDefinition.External();

    /// <summary>The search space.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    /// <summary>How trials are proposed.</summary>
    public SamplerDefinition? Sampler { get; init; }

    /// <summary>How trials are stopped early, when the server reports it.</summary>
    public PrunerDefinition? Pruner { get; init; }

    /// <summary>Number of trials the study runs.</summary>
    public int Budget { get; init; }

    /// <summary>Trials that may run at once.</summary>
    public int Parallelism { get; init; }

    /// <summary>Failed trials in a row after which the study fails.</summary>
    public int MaxConsecutiveFailures { get; init; }

    /// <summary>Why the study failed, if it did.</summary>
    public string? FailureReason { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When its first trial started (UTC).</summary>
    public DateTime? StartedAt { get; init; }

    /// <summary>When it completed, failed or was cancelled (UTC).</summary>
    public DateTime? FinishedAt { get; init; }

    /// <summary>Its last change (UTC).</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary>Number of the best complete trial, if any.</summary>
    public int? BestTrialNumber { get; init; }

    /// <summary>Value of the best complete trial, if any.</summary>
    public double? BestValue { get; init; }

    /// <summary>All trials, ordered by number.</summary>
    public IReadOnlyList<Trial> Trials { get; init; } = [];

    /// <summary>Fields this version of the client does not know, kept so that nothing the server sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalFields { get; init; }
}
