using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// EI = (mu - best - xi) Phi(z) + sigma phi(z), z = (mu - best - xi) / sigma, in standardised units
/// (so xi is a fraction of the targets' standard deviation).
/// </summary>
public sealed class ExpectedImprovement(GaussianProcessModel model, double xi) : PosteriorAcquisition(model)
{
    public double Xi { get; } = xi;

    public override double Score(double mean, double std, out double dMean, out double dStd)
    {
        var improvement = mean - Model.StandardizedBest - Xi;
        var z = improvement / std;
        var cdf = NormalCdf(z);
        var pdf = NormalPdf(z);
        dMean = cdf;
        dStd = pdf;
        return improvement * cdf + std * pdf;
    }
}
