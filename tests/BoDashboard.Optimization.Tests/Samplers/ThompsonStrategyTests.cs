using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>Thompson-sampled asks while trials are pending (<see cref="SamplerSettings.Thompson"/>): an ask with nothing
/// pending is the believer's; the later asks of a batch take global steps as the maxima of joint posterior draws.</summary>
public class ThompsonStrategyTests
{
    private static readonly AnalyticFunction Ackley = AnalyticFunctions.Get("ackley5");

    private static SamplerSettings Thompson(int seed, int budget = PendingBatch.Budget) => PendingBatch.Settings(SamplerSettings.Thompson, seed, budget);

    private static List<Suggestion> AskBatch(SamplerSettings settings, IReadOnlyList<TrialRecord> history, int count) =>
        PendingBatch.Ask(Ackley, settings, history, count);

    private static double[] Unit(Suggestion s) => Ackley.Space.Encode(s.Params);

    [Fact]
    public void The_later_asks_of_a_batch_are_distinct_thompson_draws_and_seeded()
    {
        var history = SequentialStudy.Run(Ackley, Thompson(0), 16).ToList();
        var batch = AskBatch(Thompson(0), history, 8);
        var believer = AskBatch(Thompson(0) with { PendingFantasy = SamplerSettings.Believer }, history, 8);

        // The first ask has nothing pending: the believer's own proposal.
        Assert.Equal(believer[0].Params, batch[0].Params);
        Assert.NotEqual(SuggestionOrigins.Thompson, batch[0].SuggestedBy);
        // Trials 17-23: the trust-region steps (odd trials) keep EI, the global ones are draws.
        for (var j = 1; j < batch.Count; j++)
        {
            Assert.Equal((16 + j) % 2 == 1 ? SuggestionOrigins.TrustRegion : SuggestionOrigins.Thompson, batch[j].SuggestedBy);
        }

        Assert.NotEqual(believer.Skip(1).Select(s => s.Params), batch.Skip(1).Select(s => s.Params));
        var points = batch.Select(Unit).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.True(PendingBatch.Distance(points[i], points[j]) > 1e-3, $"asks {j} and {i} are {PendingBatch.Distance(points[i], points[j]):G3} apart");
            }
        }

        Assert.Equal(batch.Select(s => s.Params), AskBatch(Thompson(0), history, 8).Select(s => s.Params));
    }

    [Fact]
    public void The_budgets_final_trial_still_takes_the_posterior_means_maximum()
    {
        var history = SequentialStudy.Run(Ackley, Thompson(1, budget: 20), 17).ToList();
        var batch = AskBatch(Thompson(1, budget: 20), history, 3);
        Assert.Equal(SuggestionOrigins.Final, batch[2].SuggestedBy);
    }
}
