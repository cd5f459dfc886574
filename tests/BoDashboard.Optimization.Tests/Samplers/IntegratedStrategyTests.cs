using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>EI integrated over the pending outcomes (<see cref="SamplerSettings.Integrated"/>): an ask with nothing
/// pending is the believer's; with trials pending the acquisition is the mean of EI under GPs fantasised at joint
/// posterior draws there.</summary>
public class IntegratedStrategyTests
{
    private static readonly AnalyticFunction Ackley = AnalyticFunctions.Get("ackley5");

    private static SamplerSettings Integrated(int seed, int budget = PendingBatch.Budget) => PendingBatch.Settings(SamplerSettings.Integrated, seed, budget);

    private static double[] Unit(Suggestion s) => Ackley.Space.Encode(s.Params);

    [Fact]
    public void The_later_asks_of_a_batch_differ_from_the_believers_and_are_distinct_and_seeded()
    {
        var history = SequentialStudy.Run(Ackley, Integrated(0), 16).ToList();
        var batch = PendingBatch.Ask(Ackley, Integrated(0), history, 8);
        var believer = PendingBatch.Ask(Ackley, Integrated(0) with { PendingFantasy = SamplerSettings.Believer }, history, 8);

        // The first ask has nothing pending: the believer's own proposal.
        Assert.Equal(believer[0].Params, batch[0].Params);
        Assert.NotEqual(believer.Skip(1).Select(s => s.Params), batch.Skip(1).Select(s => s.Params));
        var points = batch.Select(Unit).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.True(PendingBatch.Distance(points[i], points[j]) > 1e-3, $"asks {j} and {i} are {PendingBatch.Distance(points[i], points[j]):G3} apart");
            }
        }

        Assert.Equal(batch.Select(s => s.Params), PendingBatch.Ask(Ackley, Integrated(0), history, 8).Select(s => s.Params));
    }

    [Fact]
    public void Every_fantasised_gp_is_certain_at_the_pending_point_and_their_values_there_spread_like_the_posterior()
    {
        var model = FourPointModel.Create(noise: 0.01);
        double[] pending = [0.7];
        var (mean, std) = FourPointModel.At(model, pending);

        var fantasised = new List<GaussianProcessModel>();
        var averaged = IntegratedPending.Create(model, [pending], m =>
        {
            fantasised.Add(m);
            return new ExpectedImprovement(m, 0.0);
        }, new Random(4));

        Assert.Equal(IntegratedPending.Draws, averaged.Count);
        var values = new List<double>();
        foreach (var m in fantasised)
        {
            var (at, left) = FourPointModel.At(m, pending);
            Assert.True(left < 0.01 * std, $"a fantasised GP left {left:G3} of {std:G3} at the pending point");
            values.Add(at);
        }

        // Draws, not the believer's single value: spread about the mean by roughly the posterior standard deviation.
        var spread = Math.Sqrt(values.Sum(v => (v - values.Average()) * (v - values.Average())) / (values.Count - 1));
        Assert.InRange(spread, 0.4 * std, 2.0 * std);
        Assert.InRange(values.Average(), mean - 1.0 * std, mean + 1.0 * std);
    }

    [Fact]
    public void An_average_of_acquisitions_averages_their_values_and_gradients()
    {
        double[][] x = [[0.1, 0.2], [0.6, 0.4], [0.8, 0.9]];
        var hyper = new GaussianProcessHyperparameters([0.3, 0.5], 1.0, 0.01);
        var a = new ExpectedImprovement(GaussianProcessModel.Create(x, [0.0, 1.0, 0.5], hyper, 0.0, 1.0), 0.0);
        var b = new ExpectedImprovement(GaussianProcessModel.Create(x, [0.2, 0.1, 0.9], hyper, 0.0, 1.0), 0.0);
        var average = new AveragedAcquisition([a, b]);
        double[] point = [0.4, 0.7];
        var ga = new double[2];
        var gb = new double[2];
        var g = new double[2];
        var va = a.EvaluateWithGradient(point, ga);
        var vb = b.EvaluateWithGradient(point, gb);
        Assert.Equal((va + vb) / 2, average.EvaluateWithGradient(point, g), 1e-12);
        Assert.Equal((ga[0] + gb[0]) / 2, g[0], 1e-12);
        Assert.Equal((ga[1] + gb[1]) / 2, g[1], 1e-12);
        var values = new double[1];
        average.Evaluate(point, values);
        Assert.Equal((va + vb) / 2, values[0], 1e-12);
    }

    [Fact]
    public void The_budgets_final_trial_still_takes_the_posterior_means_maximum()
    {
        var history = SequentialStudy.Run(Ackley, Integrated(1, budget: 20), 17).ToList();
        var batch = PendingBatch.Ask(Ackley, Integrated(1, budget: 20), history, 3);
        Assert.Equal(SuggestionOrigins.Final, batch[2].SuggestedBy);
    }
}
