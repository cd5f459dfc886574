using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>PI = Phi((mu - best - xi) / sigma), xi in the objective's units (as for EI).</summary>
public sealed class ProbabilityOfImprovement(GaussianProcessModel model, double xi) : PosteriorAcquisition(model)
{
    public double Xi { get; } = xi;

    public override double Score(double mean, double std, out double dMean, out double dStd)
    {
        var z = (mean - Model.StandardizedBest - Xi / Model.TargetStd) / std;
        var pdf = NormalPdf(z);
        dMean = pdf / std;
        dStd = -z * pdf / std;
        return NormalCdf(z);
    }
}
