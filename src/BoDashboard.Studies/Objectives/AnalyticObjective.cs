using BoDashboard.Benchmarks;

namespace BoDashboard.Studies.Objectives;

/// <summary>A closed-form test function; an optional delay stands in for an expensive evaluation.</summary>
public sealed class AnalyticObjective(AnalyticFunction function, TimeSpan delay) : IObjective
{
    public async Task<ObjectiveOutcome> EvaluateAsync(TrialContext trial, ITrialReporter reporter, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
        return ObjectiveOutcome.Success(function.Evaluate(trial.Params));
    }
}
