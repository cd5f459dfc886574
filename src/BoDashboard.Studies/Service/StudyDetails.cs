using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Service;

/// <summary>A study with its settings and trials (ordered by number). <see cref="StepsRun"/> counts the intermediate
/// values reported by all trials; <see cref="StepsWithoutPruning"/> what they would have been had every pruned trial
/// run as long as the longest completed one: the compute a pruner saved is the difference.</summary>
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
    IReadOnlyList<TrialDetails> Trials,
    PrunerDefinition? Pruner = null,
    int StepsRun = 0,
    int StepsWithoutPruning = 0);
