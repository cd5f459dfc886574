using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.GaussianProcess;

/// <summary>A long study between refits conditions on its previous hyperparameters instead of fitting: the model must be
/// exactly the one those hyperparameters give, rescaled to the targets' current spread, and small fits must ignore it.</summary>
public sealed class ReusedFitTests
{
    private const int Dims = 3;

    private static (List<double[]> X, List<double> Y) Data(int n, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, Dims).Select(_ => random.NextDouble()).ToArray()).ToList();
        var y = x.Select(p => Math.Sin(5 * p[0]) + 2 * p[1] * p[1]).ToList();
        return (x, y);
    }

    [Fact]
    public void A_reused_fit_predicts_exactly_as_conditioning_on_the_same_hyperparameters()
    {
        var (x, y) = Data(200, 1);
        var fitted = GaussianProcessModel.Fit(x, y, new GaussianProcessOptions(Seed: 3));
        var previous = new PreviousFit(fitted.Hyperparameters, fitted.TargetStd);

        var reused = GaussianProcessModel.Fit(x, y, new GaussianProcessOptions(Seed: 4, Reuse: previous));

        Assert.Equal(fitted.Hyperparameters.LengthScales, reused.Hyperparameters.LengthScales);
        Assert.Equal(fitted.Hyperparameters.Amplitude, reused.Hyperparameters.Amplitude);
        Assert.Equal(fitted.Hyperparameters.Noise, reused.Hyperparameters.Noise);
        var points = Enumerable.Range(0, 20 * Dims).Select(i => (i * 0.137) % 1.0).ToArray();
        var (mean, std, reusedMean, reusedStd) = (new double[20], new double[20], new double[20], new double[20]);
        fitted.Predict(points, mean, std);
        reused.Predict(points, reusedMean, reusedStd);
        Assert.Equal(mean, reusedMean);
        Assert.Equal(std, reusedStd);
    }

    [Fact]
    public void A_reused_fit_keeps_its_variances_in_the_units_of_the_targets_it_was_fitted_to()
    {
        var (x, y) = Data(200, 2);
        var hyperparameters = new GaussianProcessHyperparameters([0.3, 0.5, 2.0], 1.2, 1e-3);
        var fitted = GaussianProcessModel.Fit(x, y, new GaussianProcessOptions(Seed: 3));
        // Fitted when the targets were spread twice as wide: amplitude and noise are four times too large now.
        var previous = new PreviousFit(hyperparameters, 2 * fitted.TargetStd);

        var reused = GaussianProcessModel.Fit(x, y, new GaussianProcessOptions(Reuse: previous));
        var pinned = GaussianProcessModel.Fit(x, y, new GaussianProcessOptions(FixedNoise: 1e-4, Reuse: previous));

        Assert.Equal(hyperparameters.LengthScales, reused.Hyperparameters.LengthScales);
        Assert.Equal(4 * 1.2, reused.Hyperparameters.Amplitude, 12);
        Assert.Equal(4 * 1e-3, reused.Hyperparameters.Noise, 12);
        Assert.Equal(1e-4, pinned.Hyperparameters.Noise);
    }

    [Fact]
    public void A_fit_on_all_its_points_ignores_a_fit_to_reuse()
    {
        var (x, y) = Data(80, 3);
        var options = new GaussianProcessOptions(Seed: 5);
        var fresh = GaussianProcessModel.Fit(x, y, options);
        var given = GaussianProcessModel.Fit(x, y, options with { Reuse = new PreviousFit(new GaussianProcessHyperparameters([2.0, 0.02, 5.0], 8.0, 0.2), 1.0) });

        Assert.Equal(fresh.Hyperparameters.LengthScales, given.Hyperparameters.LengthScales);
        Assert.Equal(fresh.Hyperparameters.Amplitude, given.Hyperparameters.Amplitude);
        Assert.Equal(fresh.Hyperparameters.Noise, given.Hyperparameters.Noise);
    }
}
