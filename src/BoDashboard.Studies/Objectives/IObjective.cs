namespace BoDashboard.Studies.Objectives;

/// <summary>Evaluates one trial's parameters (natural units). Failures are returned, not thrown, except cancellation.</summary>
public interface IObjective
{
    Task<ObjectiveOutcome> EvaluateAsync(TrialContext trial, ITrialReporter reporter, CancellationToken cancellationToken);
}
