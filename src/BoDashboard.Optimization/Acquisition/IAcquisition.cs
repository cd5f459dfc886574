namespace BoDashboard.Optimization.Acquisition;

/// <summary>A score to maximise over the unit cube; knows its model, not how it is maximised.</summary>
public interface IAcquisition
{
    /// <summary>Scores m points given row-major (m x D).</summary>
    void Evaluate(ReadOnlySpan<double> points, Span<double> values);

    /// <summary>Scores one point and writes the gradient with respect to its coordinates.</summary>
    double EvaluateWithGradient(ReadOnlySpan<double> point, Span<double> gradient);
}
