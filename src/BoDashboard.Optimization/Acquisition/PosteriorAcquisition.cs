using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// An acquisition that is a function of the GP's standardised mean and standard deviation at a point; subclasses
/// give the score and its partial derivatives, this class applies the chain rule through the GP.
/// </summary>
public abstract class PosteriorAcquisition : IAcquisition
{
    protected PosteriorAcquisition(GaussianProcessModel model)
    {
        Model = model;
    }

    public GaussianProcessModel Model { get; }

    /// <summary>Score at standardised mean and std, with dScore/dMean and dScore/dStd.</summary>
    public abstract double Score(double mean, double std, out double dMean, out double dStd);

    public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
    {
        var m = values.Length;
        var mean = new double[m];
        var std = new double[m];
        Model.PredictStandardized(points, mean, std);
        for (var i = 0; i < m; i++)
        {
            values[i] = Score(mean[i], std[i], out _, out _);
        }
    }

    public double EvaluateWithGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var dims = point.Length;
        Span<double> meanGradient = stackalloc double[dims];
        Span<double> varianceGradient = stackalloc double[dims];
        Model.PredictStandardizedWithGradient(point, out var mean, out var variance, meanGradient, varianceGradient);
        var std = Math.Sqrt(variance);
        var value = Score(mean, std, out var dMean, out var dStd);
        for (var d = 0; d < dims; d++)
        {
            gradient[d] = dMean * meanGradient[d] + dStd * varianceGradient[d] / (2 * std);
        }

        return value;
    }

    /// <summary>Many points through the model's batched prediction (one pass over its Cholesky factor per four points).</summary>
    public void EvaluateWithGradient(ReadOnlySpan<double> points, Span<double> values, Span<double> gradients)
    {
        var m = values.Length;
        var dims = points.Length / m;
        var mean = new double[m];
        var variance = new double[m];
        var meanGradient = new double[m * dims];
        var varianceGradient = new double[m * dims];
        Model.PredictStandardizedWithGradient(points, mean, variance, meanGradient, varianceGradient);
        for (var i = 0; i < m; i++)
        {
            var std = Math.Sqrt(variance[i]);
            values[i] = Score(mean[i], std, out var dMean, out var dStd);
            for (var d = 0; d < dims; d++)
            {
                gradients[i * dims + d] = dMean * meanGradient[i * dims + d] + dStd * varianceGradient[i * dims + d] / (2 * std);
            }
        }
    }

    protected static double NormalPdf(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    protected static double NormalCdf(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
