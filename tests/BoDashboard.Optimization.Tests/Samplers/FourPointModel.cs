using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>A 1-D GP through four points with fixed hyperparameters, and its prediction at one point: the fixture of
/// the tests of what a fantasy at a pending point does to the posterior there.</summary>
internal static class FourPointModel
{
    public static GaussianProcessModel Create(double noise) =>
        GaussianProcessModel.Create([[0.1], [0.3], [0.5], [0.9]], [0.0, 1.0, 0.5, -0.2], new GaussianProcessHyperparameters([0.2], 1.0, noise), 0.0, 1.0);

    public static (double Mean, double Std) At(GaussianProcessModel model, double[] point)
    {
        var mean = new double[1];
        var std = new double[1];
        model.Predict(point, mean, std);
        return (mean[0], std[0]);
    }
}
