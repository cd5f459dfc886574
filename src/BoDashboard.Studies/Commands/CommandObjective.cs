using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Processes;

namespace BoDashboard.Studies.Commands;

/// <summary>A study's objective is a configured program: one process per trial, reporting through the line protocol.</summary>
public sealed class CommandObjective(string name, CommandCatalog catalog, ProcessTrial processes, TrialProcessOptions options) : IObjective
{
    public Task<ObjectiveOutcome> EvaluateAsync(TrialContext trial, ITrialReporter reporter, CancellationToken cancellationToken)
    {
        // Looked up per trial: a command removed from the configuration fails the trials that would run it.
        var command = catalog.Find(name);
        if (command is null)
            return Task.FromResult(ObjectiveOutcome.Failure($"the command '{name}' is no longer configured on this server (Objectives:Commands)"));
        TrialLaunch launch;
        try
        {
            launch = TrialCommandLine.Build(command, trial, options.BaseDirectory);
        }
        catch (OptionLikeArgumentException e)
        {
            return Task.FromResult(ObjectiveOutcome.Failure(e.Message));
        }
        return processes.RunAsync(launch, reporter, cancellationToken);
    }
}
