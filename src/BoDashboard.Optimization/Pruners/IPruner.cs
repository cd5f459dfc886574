namespace BoDashboard.Optimization.Pruners;

/// <summary>Decides whether a running trial should stop, from frozen intermediate values only (the trial's and the
/// study's other trials'). Pure: the same inputs give the same answer in any process and after any restart; the trial's
/// owner acts on the answer.</summary>
public interface IPruner
{
    /// <param name="trial">The trial that just reported; its last value is the one to judge.</param>
    /// <param name="others">Every other trial of the study, in any state.</param>
    bool ShouldPrune(PrunerTrial trial, IReadOnlyList<PrunerTrial> others, Direction direction);
}
