using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>A long study fits its hyperparameters afresh only once it has grown by <see cref="WarmStartMemory.RefitGrowth"/>
/// since its last fit; in between it conditions on that fit.</summary>
public sealed class RefitScheduleTests
{
    [Theory]
    [InlineData(121, 126, 127)]
    [InlineData(500, 524, 525)]
    [InlineData(2000, 2099, 2100)]
    public void A_refit_is_due_once_the_study_has_grown_by_five_percent(int fitted, int notYet, int due)
    {
        var fit = new WarmStartMemory.RememberedFit(new PreviousFit(new GaussianProcessHyperparameters([0.3], 1, 1e-3), 1), fitted);

        Assert.False(fit.RefitDue(fitted));
        Assert.False(fit.RefitDue(notYet));
        Assert.True(fit.RefitDue(due));
    }

    [Fact]
    public void Asks_between_refits_reuse_the_last_fit_and_the_scheduled_ask_fits_again()
    {
        // A seed no other test uses: the memory is shared by the whole process.
        var sampler = new GpEiSampler(new SamplerSettings(Seed: 604_217));
        var space = new SearchSpace([new FloatParameter("x", 0, 1), new FloatParameter("y", 0, 1)]);
        var random = new Random(8);
        var history = new List<TrialRecord>();
        void Add(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var (x, y) = (random.NextDouble(), random.NextDouble());
                history.Add(new TrialRecord(history.Count, new Dictionary<string, object> { ["x"] = x, ["y"] = y }, TrialState.Complete,
                    Math.Sin(6 * x) + (y - 0.3) * (y - 0.3)));
            }
        }

        GaussianProcessModel Fit() => sampler.FitWithPending(ObservationSet.From(space, Direction.Minimize, history), history.Count);

        Add(200);
        var first = Fit();
        // The same history again (the posterior slicer, then the sampler): the very same model, without a fit.
        var again = Fit();
        Add(9);
        var between = Fit();
        Add(1);
        var refitted = Fit();

        Assert.Equal(first.Hyperparameters, again.Hyperparameters);
        var points = new[] { 0.1, 0.2, 0.5, 0.5, 0.9, 0.7, 0.33, 0.81 };
        var (mean, std, againMean, againStd) = (new double[4], new double[4], new double[4], new double[4]);
        first.Predict(points, mean, std);
        again.Predict(points, againMean, againStd);
        Assert.Equal(mean, againMean);
        Assert.Equal(std, againStd);

        Assert.Equal(first.Hyperparameters.LengthScales, between.Hyperparameters.LengthScales);
        var ratio = first.TargetStd / between.TargetStd;
        Assert.Equal(first.Hyperparameters.Amplitude * ratio * ratio, between.Hyperparameters.Amplitude, 12);

        Assert.NotEqual(first.Hyperparameters.LengthScales, refitted.Hyperparameters.LengthScales);
    }
}
