using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Service;

/// <summary>A trial as the API and the pages show it; parameters in natural units. SuggestedBy says how the sampler
/// chose it (initial, acquisition, trust-region, final, grid or random; see SuggestionOrigins) and AcquisitionValue
/// the score of what it maximised then (standardised units); QueuedAt is when its row was created (a re-run keeps it
/// while StartedAt moves).</summary>
public sealed record TrialDetails(
    int Id,
    int Number,
    string State,
    IReadOnlyDictionary<string, object> Params,
    double? Value,
    string SuggestedBy,
    double? AcquisitionValue,
    DateTime StartedAt,
    DateTime? FinishedAt,
    double? DurationSeconds,
    string? Error,
    string? WorkerName,
    IReadOnlyList<IntermediateValue> Intermediate,
    string? LogTail = null,
    DateTime? QueuedAt = null);
