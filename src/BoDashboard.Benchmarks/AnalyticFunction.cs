using BoDashboard.Optimization;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Benchmarks;

/// <summary>A test objective with a known optimum value, for benchmarks and demos.</summary>
public sealed record AnalyticFunction(
    string Name,
    SearchSpace Space,
    Direction Direction,
    Func<IReadOnlyDictionary<string, object>, double> Evaluate,
    double OptimumValue)
{
    /// <summary>How far a value is from the optimum, in the direction of improvement (0 at the optimum).</summary>
    public double Regret(double value) => Direction == Direction.Maximize ? OptimumValue - value : value - OptimumValue;
}
