using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Service;

/// <summary>A study with its settings and trials (ordered by number).</summary>
public sealed record StudyDetails(
    int Id,
    string Name,
    string State,
    string Direction,
    ObjectiveDefinition Objective,
    IReadOnlyList<ParameterDefinition> Parameters,
    SamplerDefinition Sampler,
    int Budget,
    int Parallelism,
    int MaxConsecutiveFailures,
    string? FailureReason,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    DateTime UpdatedAt,
    int? BestTrialNumber,
    double? BestValue,
    IReadOnlyList<TrialDetails> Trials);
