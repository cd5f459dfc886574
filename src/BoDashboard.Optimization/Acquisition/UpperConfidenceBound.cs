using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>UCB = mu + kappa sigma in standardised units.</summary>
public sealed class UpperConfidenceBound(GaussianProcessModel model, double kappa) : PosteriorAcquisition(model)
{
    public double Kappa { get; } = kappa;

    public override double Score(double mean, double std, out double dMean, out double dStd)
    {
        dMean = 1;
        dStd = Kappa;
        return mean + Kappa * std;
    }
}
