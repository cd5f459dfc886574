using BoDashboard.Benchmarks;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Processes;

namespace BoDashboard.Studies.Objectives;

/// <summary>Builds the objective of a study from its stored definition, by kind.</summary>
public sealed class ObjectiveFactory(AlexNetObjectiveOptions alexNetOptions, CommandCatalog commands, ProcessTrial processes, TrialProcessOptions processOptions)
{
    public IObjective Create(ObjectiveDefinition definition) => definition.Kind switch
    {
        ObjectiveDefinition.Analytic => new AnalyticObjective(
            AnalyticFunctions.Get(definition.Function!), TimeSpan.FromSeconds(definition.DelaySeconds ?? 0)),
        ObjectiveDefinition.AlexNet => new AlexNetObjective(definition, alexNetOptions, processes, processOptions),
        ObjectiveDefinition.CommandKind => new CommandObjective(definition.Command!, commands, processes, processOptions),
        _ => throw new InvalidOperationException($"objective '{definition.Kind}' is not evaluated by the server; its values arrive through ask/tell"),
    };
}
