namespace BoDashboard.Studies.Objectives;

/// <summary>The result of one evaluation: a finite value, or an error that fails the trial.</summary>
public sealed record ObjectiveOutcome(double? Value, string? Error)
{
    public static ObjectiveOutcome Success(double value) =>
        double.IsFinite(value) ? new(value, null) : Failure($"the objective returned {value}, not a finite number");

    public static ObjectiveOutcome Failure(string error) => new(null, error);
}
