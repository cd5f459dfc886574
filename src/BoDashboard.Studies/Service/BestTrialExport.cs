using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Service;

/// <summary>The export document of a study's best trial (GET /api/studies/{id}/best and the page's download).
/// Field names are stable; parameters are in natural units (learning_rate 0.0161, not its log).</summary>
public sealed record BestTrialExport(
    string Study,
    ObjectiveDefinition Objective,
    string Direction,
    int TrialNumber,
    double Value,
    IReadOnlyDictionary<string, object> Params,
    IReadOnlyList<ParameterDefinition> SearchSpace,
    DateTime ExportedAt);
