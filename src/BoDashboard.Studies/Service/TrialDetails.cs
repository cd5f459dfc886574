using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Service;

/// <summary>A trial as the API and the pages show it; parameters in natural units.</summary>
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
    string? LogTail = null);
