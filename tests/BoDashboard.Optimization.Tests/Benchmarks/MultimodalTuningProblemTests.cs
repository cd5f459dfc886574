using BoDashboard.Benchmarks;
using BoDashboard.Optimization;

namespace BoDashboard.Optimization.Tests.Benchmarks;

/// <summary>The multimodal problems added to the tuning set agree with their textbook definitions, reach their stated
/// optimum at the known minimisers, and stay out of the held-out suite.</summary>
public sealed class MultimodalTuningProblemTests
{
    /// <summary>Values of the textbook formulas (Python, random.Random(5)) at random points.</summary>
    public static TheoryData<string, string, double> ReferenceValues => new()
    {
        { "levy6", """{"x0": 2.458, "x1": 4.8357, "x2": 5.9039, "x3": 8.849, "x4": 4.798, "x5": 8.4465}""", 62.620664067992365 },
        { "schwefel4", """{"x0": -470.9948, "x1": -34.3773, "x2": 443.3567, "x3": 148.9746}""", 1491.8707996553917 },
        { "styblinski-tang5", """{"x0": 4.009, "x1": -3.8679, "x2": -0.3093, "x3": -2.5343, "x4": 0.4376}""", -45.8880734032896 },
        { "rastrigin4", """{"x0": 0.7572, "x1": -4.9857, "x2": -2.9007, "x3": -2.2581}""", 60.92450951466155 },
    };

    [Theory]
    [MemberData(nameof(ReferenceValues))]
    public void Values_match_the_textbook_definitions(string name, string pointJson, double expected)
    {
        var function = AnalyticFunctions.Get(name);
        Assert.Equal(expected, function.Evaluate(PointJson.Parse(pointJson)), 1e-9 * Math.Max(1, Math.Abs(expected)));
    }

    public static TheoryData<string, double, int, double> Minimisers => new()
    {
        { "levy6", 1.0, 6, 0.0 },
        { "schwefel4", 420.968746, 4, 5.09e-5 },
        { "styblinski-tang5", -2.903534, 5, -39.16616570377142 * 5 },
        { "rastrigin4", 0.0, 4, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Minimisers))]
    public void The_known_minimiser_reaches_the_stated_optimum(string name, double coordinate, int dimensions, double optimum)
    {
        var function = AnalyticFunctions.Get(name);
        var point = Enumerable.Range(0, dimensions).ToDictionary(i => $"x{i}", _ => (object)coordinate);
        Assert.Equal(optimum, function.OptimumValue, 1e-6);
        Assert.Equal(0, function.Regret(function.Evaluate(point)), 1e-6);
        // A nearby point is worse: the stated optimum is a minimum, not just a value the formula happens to take.
        var nudged = new Dictionary<string, object>(point) { ["x0"] = coordinate + 0.05 };
        Assert.True(function.Regret(function.Evaluate(nudged)) > 1e-6);
    }

    [Fact]
    public void They_are_in_the_tuning_suite_and_not_in_the_held_out_one()
    {
        string[] added = ["levy6", "schwefel4", "styblinski-tang5", "rastrigin4"];
        Assert.All(added, n => Assert.Contains(n, AnalyticFunctions.TuningSet));
        Assert.All(added, n => Assert.Contains(BenchmarkSuite.Tuning.Problems, p => p.Problem == n));
        Assert.Empty(added.Intersect(AnalyticFunctions.HeldOutSet));
        Assert.Equal(Enumerable.Range(0, 10), BenchmarkSuite.Tuning.Seeds);
    }
}
