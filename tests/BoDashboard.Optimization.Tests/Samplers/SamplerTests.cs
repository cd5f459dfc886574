using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Samplers;

public class SamplerTests
{
    [Theory]
    [InlineData("gp-ei")]
    [InlineData("random")]
    [InlineData("grid")]
    public void Same_seed_gives_identical_trials(string name)
    {
        var f = AnalyticFunctions.Get("branin");
        var settings = new SamplerSettings(name, InitialPoints: 3, Seed: 4, Budget: 12);
        var a = SequentialStudy.Run(f, settings, 8);
        var b = SequentialStudy.Run(f, settings, 8);
        Assert.Equal(a.Select(t => t.Value), b.Select(t => t.Value));
    }

    [Fact]
    public void Batch_of_four_has_four_distinct_points_avoiding_pending_trials()
    {
        var f = AnalyticFunctions.Get("branin");
        var trials = SequentialStudy.Run(f, new SamplerSettings(InitialPoints: 4), 6);
        var pending = SamplerRegistry.Create(new SamplerSettings(InitialPoints: 4)).Suggest(f.Space, f.Direction, trials, 1)[0];
        trials.Add(new TrialRecord(6, pending.Params, TrialState.Running, null));
        var batch = SamplerRegistry.Create(new SamplerSettings(InitialPoints: 4)).Suggest(f.Space, f.Direction, trials, 4);
        var keys = batch.Select(s => $"{s.Params["x1"]};{s.Params["x2"]}").Append($"{pending.Params["x1"]};{pending.Params["x2"]}").ToHashSet();
        Assert.Equal(5, keys.Count);
        Assert.All(batch, s => Assert.Equal("acquisition", s.SuggestedBy));
    }

    [Fact]
    public void Discrete_space_batch_has_no_duplicates_and_failed_trials_are_tolerated()
    {
        var space = new SearchSpace([new IntParameter("n", 1, 4), new CategoricalParameter("c", ["a", "b"])]);
        var trials = new List<TrialRecord>
        {
            new(0, new Dictionary<string, object> { ["n"] = 1L, ["c"] = "a" }, TrialState.Complete, 1.0),
            new(1, new Dictionary<string, object> { ["n"] = 2L, ["c"] = "b" }, TrialState.Failed, null),
            new(2, new Dictionary<string, object> { ["n"] = 3L, ["c"] = "a" }, TrialState.Complete, 2.0),
        };
        var batch = SamplerRegistry.Create(new SamplerSettings(InitialPoints: 1)).Suggest(space, Direction.Maximize, trials, 4);
        var keys = batch.Select(s => $"{s.Params["n"]}{s.Params["c"]}").Concat(trials.Select(t => $"{t.Params["n"]}{t.Params["c"]}")).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(batch, s => Assert.IsType<long>(s.Params["n"]));
    }

    [Fact]
    public void Grid_covers_the_budget_without_repeats()
    {
        var f = AnalyticFunctions.Get("branin");
        var trials = SequentialStudy.Run(f, new SamplerSettings("grid", Budget: 25), 25);
        Assert.Equal(25, trials.Select(t => $"{t.Params["x1"]};{t.Params["x2"]}").Distinct().Count());
    }

    [Fact]
    public void Registry_validates_settings()
    {
        var errors = SamplerRegistry.Validate(new SamplerSettings("tpe", InitialPoints: 0, Acquisition: "foo", Xi: -1, Budget: 0));
        Assert.Equal(["sampler.name", "sampler.initialPoints", "sampler.acquisition", "sampler.xi", "budget"], errors.Select(e => e.Field));
        Assert.Equal(["gp-ei", "random", "grid"], SamplerRegistry.Names);
    }

    [Fact]
    public void Gp_ei_finds_the_tutorial_maximum_in_sixteen_evaluations()
    {
        var f = AnalyticFunctions.Get("seed-1d");
        var trials = SequentialStudy.Run(f, new SamplerSettings(InitialPoints: 2, Xi: 0.01, Seed: 0, Budget: 16), 16);
        var best = trials.MaxBy(t => t.Value!.Value)!;
        Assert.InRange((double)best.Params["x"], 0.631374 - 0.01, 0.631374 + 0.01);
    }

    [Fact]
    public void Ask_tell_optimizer_minimises_and_handles_failures()
    {
        var f = AnalyticFunctions.Get("branin");
        var optimizer = new AskTellOptimizer(f.Space, f.Direction, new SamplerSettings(InitialPoints: 3));
        var batch = optimizer.Ask(2);
        optimizer.TellFailed(batch[0].Number);
        optimizer.Tell(batch[1].Number, f.Evaluate(batch[1].Params));
        for (var i = 0; i < 8; i++)
        {
            var trial = optimizer.Ask();
            optimizer.Tell(trial.Number, f.Evaluate(trial.Params));
        }

        Assert.Equal(10, optimizer.Trials.Count);
        Assert.Equal(TrialState.Failed, optimizer.Trials[0].State);
        Assert.Equal(optimizer.Trials.Where(t => t.Value is not null).Min(t => t.Value), optimizer.Best!.Value);
    }

    [Fact]
    public void Bayesian_optimization_facade_maximizes_like_bayes_opt()
    {
        var bo = new BayesianOptimization(p => -Math.Pow(p["x"] - 2, 2) - Math.Pow(p["y"] + 1, 2),
            new Dictionary<string, (double, double)> { ["x"] = (-4, 4), ["y"] = (-3, 3) }, seed: 1);
        bo.Probe(new Dictionary<string, object?> { ["x"] = 0.0, ["y"] = 0.0 });
        bo.Maximize(initPoints: 3, nIter: 12);
        Assert.Equal(16, bo.Results.Count);
        Assert.True(bo.Max!.Value > -0.05, $"best {bo.Max.Value}");
    }
}
