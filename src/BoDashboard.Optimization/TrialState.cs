namespace BoDashboard.Optimization;

/// <summary>Life cycle of a trial; <see cref="Running"/> trials are pending and batch suggestions avoid them.</summary>
public enum TrialState
{
    Running,
    Complete,
    Failed,
    Pruned,
}
