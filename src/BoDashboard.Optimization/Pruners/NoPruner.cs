namespace BoDashboard.Optimization.Pruners;

/// <summary>Every trial runs to its end.</summary>
public sealed class NoPruner : IPruner
{
    public bool ShouldPrune(PrunerTrial trial, IReadOnlyList<PrunerTrial> others, Direction direction) => false;
}
