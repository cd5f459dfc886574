namespace BoDashboard.Studies.Service;

/// <summary>One row of the studies list.</summary>
public sealed record StudySummary(
    int Id,
    string Name,
    string Objective,
    string Sampler,
    string Direction,
    string State,
    int FinishedTrials,
    int Budget,
    double? BestValue,
    DateTime CreatedAt);
