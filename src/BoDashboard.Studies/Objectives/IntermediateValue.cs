namespace BoDashboard.Studies.Objectives;

/// <summary>A value a trial reported on its way (validation accuracy after epoch 3): what learning curves draw and
/// pruners decide on. Steps are non-negative and increase within a trial.</summary>
/// <param name="Metrics">Further numbers reported with it (train loss, learning rate, seconds); null when none.</param>
public sealed record IntermediateValue(int Step, double Value, IReadOnlyDictionary<string, double>? Metrics = null);
