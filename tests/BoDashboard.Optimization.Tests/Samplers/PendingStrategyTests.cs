using BoDashboard.Benchmarks;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>How gp-ei treats trials still running: believer, liar, penalisation (SamplerSettings.PendingFantasies; the optimist has OptimistStrategyTests).</summary>
public class PendingStrategyTests
{
    /// <summary>A batch of <paramref name="count"/> asks in unit-cube coordinates.</summary>
    private static List<double[]> AskBatch(AnalyticFunction f, SamplerSettings settings, List<TrialRecord> history, int count) =>
        PendingBatch.Ask(f, settings, history, count).Select(s => f.Space.Encode(s.Params)).ToList();

    [Theory]
    [InlineData(SamplerSettings.Liar)]
    [InlineData(SamplerSettings.Penalisation)]
    [InlineData(SamplerSettings.Optimist)]
    [InlineData(SamplerSettings.Thompson)]
    [InlineData(SamplerSettings.Integrated)]
    public void With_nothing_pending_every_strategy_proposes_what_the_believer_does(string strategy)
    {
        var f = AnalyticFunctions.Get("hartmann6");
        var believer = new SamplerSettings(Seed: 3, Budget: 20);
        var other = believer with { PendingFantasy = strategy };
        // Sequential runs from the same seed: every proposal (initial, global, trust-region, final) identical.
        var a = SequentialStudy.Run(f, believer, 20);
        var b = SequentialStudy.Run(f, other, 20);
        Assert.Equal(a.Select(t => t.Params), b.Select(t => t.Params));
    }

    [Theory]
    [InlineData(SamplerSettings.Believer)]
    [InlineData(SamplerSettings.Liar)]
    [InlineData(SamplerSettings.Penalisation)]
    public void A_batch_of_four_asks_gives_four_separated_points_on_a_rugged_function(string strategy)
    {
        // Two batches of four on Ackley (whose ripples the GP takes for noise: it learns the largest noise it may), then
        // the third batch: with fantasies that kept that noise, the believer's four asks landed almost on one point.
        var f = AnalyticFunctions.Get("ackley5");
        var settings = new SamplerSettings(Seed: 0, Budget: 50, PendingFantasy: strategy);
        var history = new List<TrialRecord>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var x in AskBatch(f, settings, history, 4).Select(u => f.Space.Decode(u)).ToList())
            {
                history.Add(new TrialRecord(history.Count, x, TrialState.Complete, f.Evaluate(x)));
            }
        }

        var batch = AskBatch(f, settings, history, 4);
        for (var i = 0; i < batch.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.True(PendingBatch.Distance(batch[i], batch[j]) > 0.02, $"asks {j} and {i} are {PendingBatch.Distance(batch[i], batch[j]):G3} apart");
            }
        }
    }

    [Fact]
    public void Penalisation_moves_the_next_ask_away_from_a_pending_point()
    {
        var f = AnalyticFunctions.Get("branin");
        var settings = new SamplerSettings(Seed: 1, Budget: 30, PendingFantasy: SamplerSettings.Penalisation);
        var history = SequentialStudy.Run(f, settings, 10);
        var alone = AskBatch(f, settings, history, 1)[0];
        var pair = AskBatch(f, settings, history, 2);
        // The first ask has nothing pending (it is the sequential proposal); the second is pushed off it.
        Assert.Equal(alone, pair[0]);
        Assert.True(PendingBatch.Distance(pair[0], pair[1]) > 0.02, $"{PendingBatch.Distance(pair[0], pair[1]):G3}");
    }

    [Fact]
    public void Unknown_strategy_is_rejected_with_the_allowed_values()
    {
        var error = Assert.Single(SamplerRegistry.Validate(new SamplerSettings(PendingFantasy: "kriging")));
        Assert.Equal("sampler.pending", error.Field);
        Assert.Contains("believer, optimist, liar, penalisation, thompson, integrated", error.Message);
    }

    [Fact]
    public void Exact_fantasy_removes_the_variance_a_noisy_one_leaves()
    {
        var model = FourPointModel.Create(noise: 0.5);
        double[] pending = [0.7];
        var (mean, std) = FourPointModel.At(model, pending);
        var noisy = FourPointModel.At(model.Condition([pending], [mean]), pending).Std;
        var exact = FourPointModel.At(model.Condition([pending], [mean], exact: true), pending).Std;
        Assert.True(noisy > 0.5 * std, $"noisy fantasy left {noisy:G3} of {std:G3}");
        Assert.True(exact < 0.01 * std, $"exact fantasy left {exact:G3} of {std:G3}");
    }
}
