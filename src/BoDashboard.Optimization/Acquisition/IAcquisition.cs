namespace BoDashboard.Optimization.Acquisition;

/// <summary>A score to maximise over the unit cube; knows its model, not how it is maximised.</summary>
public interface IAcquisition
{
    /// <summary>Scores m points given row-major (m x D).</summary>
    void Evaluate(ReadOnlySpan<double> points, Span<double> values);

    /// <summary>Scores one point and writes the gradient with respect to its coordinates.</summary>
    double EvaluateWithGradient(ReadOnlySpan<double> point, Span<double> gradient);

    /// <summary>Scores m points given row-major (m x D) and writes their gradients row-major (m x D); the same numbers
    /// as one point at a time, which is what this default does (an acquisition may share work between the points).</summary>
    void EvaluateWithGradient(ReadOnlySpan<double> points, Span<double> values, Span<double> gradients)
    {
        var dims = points.Length / values.Length;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = EvaluateWithGradient(points.Slice(i * dims, dims), gradients.Slice(i * dims, dims));
        }
    }
}
