using BoDashboard.Optimization.Analysis;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Analysis;

public class ImportanceAnalyzerTests
{
    private static readonly SearchSpace Space = new([
        new FloatParameter("a", 0, 1),
        new FloatParameter("noise_free_but_unused", 1e-4, 1, Log: true),
        new FloatParameter("b", -2, 2),
        new CategoricalParameter("kind", ["x", "y", "z"]),
    ]);

    /// <summary>value = 3 sin(3a) + b² + (1 when kind is "z"); the second parameter does nothing.</summary>
    private static List<TrialRecord> History(int n, int seed = 4)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(i =>
        {
            var p = Space.Decode(Space.SampleUnit(random));
            var value = 3 * Math.Sin(3 * (double)p["a"]) + Math.Pow((double)p["b"], 2) + ((string)p["kind"] == "z" ? 1 : 0);
            return new TrialRecord(i, p, TrialState.Complete, value);
        }).ToList();
    }

    [Fact]
    public void Gp_importance_finds_the_irrelevant_parameter()
    {
        var importance = new ImportanceAnalyzer(baseSamples: 512, replicates: 12)
            .Analyze(Space, Direction.Maximize, History(40), new SamplerSettings());

        Assert.Null(importance.Message);
        Assert.Equal(4, importance.Parameters.Count);
        // Additive, so first = total = each term's variance over the sum's: 3 sin(3a) 0.750, b² 1.422, kind 2/9.
        var parts = new Dictionary<string, double> { ["a"] = 0.750, ["b"] = 1.422, ["kind"] = 2.0 / 9, ["noise_free_but_unused"] = 0 };
        var sum = parts.Values.Sum();
        foreach (var p in importance.Parameters)
        {
            var expected = parts[p.Name] / sum;
            Assert.True(Math.Abs(p.Total - expected) < 0.08, $"{p.Name}: total {p.Total:F3}, expected {expected:F3}");
            Assert.True(Math.Abs(p.First - expected) < 0.08, $"{p.Name}: first {p.First:F3}, expected {expected:F3}");
        }

        Assert.True(importance.Parameters[^1].Total < 0.03, $"unused parameter's total index {importance.Parameters[^1].Total}");
        Assert.Equal(["b", "a", "kind", "noise_free_but_unused"], importance.Parameters.Select(p => p.Name));
        Assert.All(importance.Parameters, p => Assert.True(p.TotalError >= 0 && double.IsFinite(p.TotalError)));
        Assert.True(importance.Replicates >= 10);
    }

    [Fact]
    public void Minimizing_the_same_function_gives_the_same_importance()
    {
        var history = History(25);
        var negated = history.Select(t => t with { Value = -t.Value }).ToList();
        var analyzer = new ImportanceAnalyzer(baseSamples: 256, replicates: 4);
        var max = analyzer.Analyze(Space, Direction.Maximize, history, new SamplerSettings());
        var min = analyzer.Analyze(Space, Direction.Minimize, negated, new SamplerSettings());
        Assert.Equal(max.Parameters.Select(p => p.Total), min.Parameters.Select(p => p.Total), (x, y) => Math.Abs(x - y) < 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Too_few_trials_give_a_message_not_numbers(int n)
    {
        var importance = new ImportanceAnalyzer().Analyze(Space, Direction.Maximize, History(n), new SamplerSettings());
        Assert.Empty(importance.Parameters);
        Assert.Equal($"Parameter importance needs at least 3 completed trials; this study has {n}.", importance.Message);
    }

    [Fact]
    public void Slices_cover_every_parameter_through_the_best_trial()
    {
        var history = History(20);
        var slices = new SliceAnalyzer(resolution: 30).Slice(Space, Direction.Maximize, history, new SamplerSettings());

        Assert.Equal(Space.Parameters.Select(p => p.Name), slices.Slices.Select(s => s.Name));
        var best = history.MaxBy(t => t.Value)!;
        Assert.Equal(best.Number, slices.BestTrialNumber);
        var lr = slices.Slices[1];
        Assert.True(lr.Log);
        Assert.Equal(30, lr.Mean.Count);
        Assert.Equal(1e-4, lr.Axis[0], 12);
        var kind = slices.Slices[3];
        Assert.True(kind.Categorical);
        Assert.Equal(["x", "y", "z"], kind.Choices);
        Assert.Equal(3, kind.Mean.Count);
        // The GP learnt that "z" adds 1 at the best point's other values.
        Assert.True(kind.Mean[2] > kind.Mean[0] + 0.3, $"z {kind.Mean[2]} vs x {kind.Mean[0]}");
        Assert.Equal(20, kind.Observations.Count);
        Assert.All(kind.Observations, o => Assert.Contains(o.Choice, kind.Choices));
        // Through the best trial: the mean at its own value of b is close to its value.
        var b = slices.Slices[2];
        var bestB = (double)best.Params["b"];
        var nearest = Enumerable.Range(0, b.Axis.Count).MinBy(k => Math.Abs(b.Axis[k] - bestB));
        Assert.Equal(best.Value!.Value, b.Mean[nearest], 0.5);
    }

    [Fact]
    public void Slices_before_any_trial_have_axes_but_no_curves()
    {
        var slices = new SliceAnalyzer().Slice(Space, Direction.Minimize, [], new SamplerSettings());
        Assert.Equal(4, slices.Slices.Count);
        Assert.All(slices.Slices, s => Assert.Empty(s.Mean));
        Assert.Null(slices.BestTrialNumber);
    }
}
