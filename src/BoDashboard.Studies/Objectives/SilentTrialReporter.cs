namespace BoDashboard.Studies.Objectives;

/// <summary>For runs that are not trials (retrain-and-test): nothing is stored, nothing is pruned.</summary>
public sealed class SilentTrialReporter : ITrialReporter
{
    public static SilentTrialReporter Instance { get; } = new();

    public void Progress(TrialProgress progress) { }

    public Task<bool> ReportAsync(IntermediateValue value, CancellationToken ct) => Task.FromResult(false);

    public void Log(string line) { }
}
