using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>The optimistic believer (<see cref="SamplerSettings.Optimist"/>): pending trials fantasised half a posterior
/// standard deviation above the GP's mean, noise-free; a believer again for the budget's final trial.</summary>
public class OptimistStrategyTests
{
    private static readonly AnalyticFunction Ackley = AnalyticFunctions.Get("ackley5");

    private static SamplerSettings Optimist(int seed, int budget = PendingBatch.Budget) => PendingBatch.Settings(SamplerSettings.Optimist, seed, budget);

    /// <summary>The history and then <paramref name="count"/> trials asked as a batch, as running trials.</summary>
    private static List<TrialRecord> AskBatch(SamplerSettings settings, List<TrialRecord> history, int count) =>
        PendingBatch.WithRunning(history, PendingBatch.Ask(Ackley, settings, history, count));

    private static double[] Unit(TrialRecord t) => Ackley.Space.Encode(t.Params);

    [Fact]
    public void A_pending_trial_is_fantasised_half_a_standard_deviation_above_the_mean()
    {
        var history = AskBatch(Optimist(0), SequentialStudy.Run(Ackley, Optimist(0), 20).ToList(), 1);
        var observations = ObservationSet.From(Ackley.Space, Ackley.Direction, history);
        var pending = Assert.Single(observations.Pending);
        var plain = new GpEiSampler(Optimist(0) with { PendingFantasy = SamplerSettings.Penalisation }).FitWithPending(observations, history.Count);
        var mean = new double[1];
        var std = new double[1];
        plain.Predict(pending, mean, std);

        var optimist = new GpEiSampler(Optimist(0)).FitWithPending(observations, history.Count);
        var believer = new GpEiSampler(Optimist(0) with { PendingFantasy = SamplerSettings.Believer }).FitWithPending(observations, history.Count);
        var final = new GpEiSampler(Optimist(0)).FitWithPending(observations, history.Count, final: true);
        var at = new double[1];
        var unused = new double[1];
        optimist.Predict(pending, at, unused);
        Assert.Equal(mean[0] + PendingFantasy.Optimism * std[0], at[0], 1e-3 * std[0]);
        believer.Predict(pending, at, unused);
        Assert.Equal(mean[0], at[0], 1e-3 * std[0]);
        final.Predict(pending, at, unused);
        Assert.Equal(mean[0], at[0], 1e-3 * std[0]);
    }

    [Fact]
    public void A_batch_of_eight_gives_eight_distinct_points_and_differs_from_the_believers_batch()
    {
        var history = SequentialStudy.Run(Ackley, Optimist(0), 16).ToList();
        var optimist = AskBatch(Optimist(0), history, 8).Skip(16).Select(Unit).ToList();
        var believer = AskBatch(Optimist(0) with { PendingFantasy = SamplerSettings.Believer }, history, 8).Skip(16).Select(Unit).ToList();
        for (var i = 0; i < optimist.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                // It may step close to a pending point it believes good (0.019 apart here), but never piles up on one
                // (noisy fantasies put a believer's asks 1.4e-4 apart).
                Assert.True(PendingBatch.Distance(optimist[i], optimist[j]) > 1e-3, $"asks {j} and {i} are {PendingBatch.Distance(optimist[i], optimist[j]):G3} apart");
            }
        }

        // The first ask has nothing pending: the same point; the later ones see raised fantasies and go elsewhere.
        Assert.Equal(believer[0], optimist[0]);
        Assert.True(optimist.Zip(believer).Skip(1).Count(p => PendingBatch.Distance(p.First, p.Second) > 1e-6) >= 4,
            "the optimist's batch should differ from the believer's beyond its first ask");
    }

    [Fact]
    public void The_same_seed_and_history_give_the_same_batch()
    {
        var history = SequentialStudy.Run(Ackley, Optimist(4), 12).ToList();
        var first = AskBatch(Optimist(4), history, 4).Select(t => t.Params);
        var second = AskBatch(Optimist(4), history, 4).Select(t => t.Params);
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_final_trial_believes_its_pending_trials_when_asked_one_at_a_time_or_as_a_batch()
    {
        // Budget 20: trial 19 is the final one (the posterior mean's maximum), asked while trial 18 is still running.
        var settings = Optimist(2, budget: 20);
        var history = SequentialStudy.Run(Ackley, settings, 18).ToList();
        var oneAtATime = AskBatch(settings, history, 2);
        var believer = AskBatch(settings with { PendingFantasy = SamplerSettings.Believer }, history, 2);
        Assert.Equal(believer[19].Params, oneAtATime[19].Params);
        // Suggest(count: 2) fantasises its own first point inside one call: the final point must be the believer's there too.
        var batch = SamplerRegistry.Create(settings).Suggest(Ackley.Space, Ackley.Direction, history, 2);
        var believerBatch = SamplerRegistry.Create(settings with { PendingFantasy = SamplerSettings.Believer }).Suggest(Ackley.Space, Ackley.Direction, history, 2);
        Assert.Equal(believerBatch.Select(s => s.Params), batch.Select(s => s.Params));
    }
}
