using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.GaussianProcess;

/// <summary>A long study's fit starts from its previous fit instead of several cold starts; it must land on the same
/// hyperparameters as a cold fit, and fits small enough to be exact must ignore the warm start.</summary>
public sealed class WarmStartFitTests
{
    private const int Dims = 3;

    private static (double[] X, double[] Y) Data(int n, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, n * Dims).Select(_ => random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => Math.Sin(5 * x[Dims * i]) + 2 * x[Dims * i + 1] * x[Dims * i + 1] + 0.01 * random.NextDouble()).ToArray();
        var mean = y.Average();
        var std = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / n);
        return (x, y.Select(v => (v - mean) / std).ToArray());
    }

    [Fact]
    public void A_fit_warm_started_from_the_previous_trials_fit_finds_the_cold_fits_hyperparameters()
    {
        var (x, y) = Data(400, 3);
        var options = new GaussianProcessOptions(Seed: 11);
        // The previous ask: one trial fewer, another random subset.
        var previous = HyperparameterFitter.Fit(x[..(399 * Dims)], 399, Dims, y[..399], options with { Seed = 10 });

        var cold = HyperparameterFitter.Fit(x, 400, Dims, y, options);
        var warm = HyperparameterFitter.Fit(x, 400, Dims, y, options with { WarmStart = previous });

        for (var d = 0; d < Dims; d++)
        {
            Assert.InRange(Math.Log(warm.LengthScales[d] / cold.LengthScales[d]), -0.1, 0.1);
        }

        Assert.InRange(Math.Log(warm.Amplitude / cold.Amplitude), -0.1, 0.1);
        Assert.InRange(Math.Log(warm.Noise / cold.Noise), -0.3, 0.3);
    }

    [Fact]
    public void A_warm_start_from_far_away_still_reaches_the_cold_fit()
    {
        var (x, y) = Data(300, 5);
        var options = new GaussianProcessOptions(Seed: 2);
        var cold = HyperparameterFitter.Fit(x, 300, Dims, y, options);
        var far = new GaussianProcessHyperparameters([2.0, 0.02, 5.0], 8.0, 0.2);
        var warm = HyperparameterFitter.Fit(x, 300, Dims, y, options with { WarmStart = far });

        // The irrelevant third coordinate may sit anywhere on its long plateau; the two that matter must agree.
        for (var d = 0; d < 2; d++)
        {
            Assert.InRange(Math.Log(warm.LengthScales[d] / cold.LengthScales[d]), -0.15, 0.15);
        }
    }

    [Fact]
    public void A_fit_on_all_its_points_ignores_the_warm_start()
    {
        var (x, y) = Data(60, 7);
        var options = new GaussianProcessOptions(Seed: 4);
        var cold = HyperparameterFitter.Fit(x, 60, Dims, y, options);
        var warm = HyperparameterFitter.Fit(x, 60, Dims, y, options with { WarmStart = new GaussianProcessHyperparameters([2.0, 0.02, 5.0], 8.0, 0.2) });

        Assert.Equal(cold.LengthScales, warm.LengthScales);
        Assert.Equal(cold.Amplitude, warm.Amplitude);
        Assert.Equal(cold.Noise, warm.Noise);
    }
}
