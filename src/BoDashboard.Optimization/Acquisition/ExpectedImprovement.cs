using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// EI = (mu - best - xi) Phi(z) + sigma phi(z), z = (mu - best - xi) / sigma. Like bayes_opt, xi is in the
/// objective's own units; it is converted to the GP's standardised units here.
/// </summary>
public sealed class ExpectedImprovement(GaussianProcessModel model, double xi) : PosteriorAcquisition(model)
{
    public double Xi { get; } = xi;

    public override double Score(double mean, double std, out double dMean, out double dStd)
    {
        var improvement = mean - Model.StandardizedBest - Xi / Model.TargetStd;
        var z = improvement / std;
        var cdf = NormalCdf(z);
        var pdf = NormalPdf(z);
        dMean = cdf;
        dStd = pdf;
        return improvement * cdf + std * pdf;
    }
}
