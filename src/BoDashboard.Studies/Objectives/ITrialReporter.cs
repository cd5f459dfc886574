namespace BoDashboard.Studies.Objectives;

/// <summary>Where a running trial sends what it learns on its way; the study runner stores and publishes it.</summary>
public interface ITrialReporter
{
    /// <summary>How far the trial is (e.g. batches done of all batches), for progress bars; the latest is stored
    /// a few times a second at most, for pages of other processes.</summary>
    void Progress(TrialProgress progress);

    /// <summary>Stores an intermediate value. True when the trial should stop now (a pruner decided so).</summary>
    Task<bool> ReportAsync(IntermediateValue value, CancellationToken ct);

    /// <summary>One line of the trial's log (its output that is not protocol); the last lines are kept with the trial.</summary>
    void Log(string line);
}
