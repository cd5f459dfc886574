namespace BoDashboard.Studies.Objectives;

/// <summary>The result of one evaluation: a finite value, an error that fails the trial, or a stop by the pruner
/// (whose value is the trial's last intermediate value).</summary>
public sealed record ObjectiveOutcome(double? Value, string? Error, bool Pruned = false)
{
    public static ObjectiveOutcome Success(double value) =>
        double.IsFinite(value) ? new(value, null) : Failure($"the objective returned {value}, not a finite number");

    public static ObjectiveOutcome Failure(string error) => new(null, error);

    public static ObjectiveOutcome PrunedAt(IntermediateValue last) => new(last.Value, $"pruned at step {last.Step}", Pruned: true);
}
