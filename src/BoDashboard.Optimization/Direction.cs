namespace BoDashboard.Optimization;

/// <summary>Whether a study looks for the largest or the smallest objective value.</summary>
public enum Direction
{
    Maximize,
    Minimize,
}
