using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.GaussianProcess;

/// <summary>Above <see cref="GaussianProcessOptions.MaxFitPoints"/> the hyperparameters are fitted on a subset; the
/// amplitude and noise it finds must be returned on the scale of the data the model is built on.</summary>
public sealed class SubsetFitTests
{
    [Fact]
    public void A_subset_fit_returns_amplitude_and_noise_on_the_scale_of_the_full_targets()
    {
        const int n = 200;
        var random = new Random(4);
        var x = Enumerable.Range(0, n * 2).Select(_ => random.NextDouble()).ToArray();
        var ys = Enumerable.Range(0, n).Select(i => Math.Sin(6 * x[2 * i]) + 0.5 * x[2 * i + 1] + 0.05 * random.NextDouble()).ToArray();
        var mean = ys.Average();
        var std = Math.Sqrt(ys.Sum(v => (v - mean) * (v - mean)) / n);
        var unit = ys.Select(v => (v - mean) / std).ToArray();
        var tripled = unit.Select(v => 3 * v).ToArray();

        var options = new GaussianProcessOptions(MaxFitPoints: 120);
        var a = HyperparameterFitter.Fit(x, n, 2, unit, options);
        var b = HyperparameterFitter.Fit(x, n, 2, tripled, options);

        // Targets three times larger: the same length scales, nine times the signal and noise variance. (The subset is
        // re-standardised before fitting, so the fit itself is the same; only the way back to the data's scale differs.)
        Assert.Equal(9, b.Amplitude / a.Amplitude, 3);
        Assert.Equal(9, b.Noise / a.Noise, 3);
        Assert.Equal(a.LengthScales, b.LengthScales, (p, q) => Math.Abs(p - q) < 1e-6 * Math.Max(1, Math.Abs(p)));
    }
}
