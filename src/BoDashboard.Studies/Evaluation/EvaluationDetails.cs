namespace BoDashboard.Studies.Evaluation;

/// <summary>A retrain-and-test result as pages and the CLI show it. State: running, complete or failed.</summary>
public sealed record EvaluationDetails(
    int Id,
    string Label,
    IReadOnlyDictionary<string, double> Params,
    string State,
    double? TestAccuracy,
    string? Error,
    DateTime CreatedAt,
    DateTime? FinishedAt);
