namespace BoDashboard.Optimization;

/// <summary>Life cycle of a trial; <see cref="Running"/> trials are pending and batch suggestions avoid them.</summary>
public enum TrialState
{
    Running,
    Complete,
    Failed,
    Pruned,
    /// <summary>Stopped by the user (or never finished): tells the model nothing, so it is never used as a value.</summary>
    Cancelled,
}
