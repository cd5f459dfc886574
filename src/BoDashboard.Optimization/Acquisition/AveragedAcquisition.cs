namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// The mean of several acquisitions (and of their gradients): with one acquisition per fantasised GP, each conditioned
/// on a joint posterior draw of the pending outcomes, this is the acquisition integrated over those outcomes (Snoek,
/// Larochelle and Adams 2012, section 3.3; <see cref="Samplers.SamplerSettings.Integrated"/>).
/// </summary>
public sealed class AveragedAcquisition : IAcquisition
{
    private readonly IAcquisition[] _parts;

    public AveragedAcquisition(IReadOnlyList<IAcquisition> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("an average needs at least one acquisition", nameof(parts));
        }

        _parts = [.. parts];
    }

    /// <summary>How many acquisitions are averaged.</summary>
    public int Count => _parts.Length;

    public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
    {
        var part = new double[values.Length];
        values.Clear();
        foreach (var acquisition in _parts)
        {
            acquisition.Evaluate(points, part);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] += part[i] / _parts.Length;
            }
        }
    }

    public double EvaluateWithGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        Span<double> part = stackalloc double[gradient.Length];
        gradient.Clear();
        var value = 0.0;
        foreach (var acquisition in _parts)
        {
            value += acquisition.EvaluateWithGradient(point, part) / _parts.Length;
            for (var d = 0; d < gradient.Length; d++)
            {
                gradient[d] += part[d] / _parts.Length;
            }
        }

        return value;
    }

    public void EvaluateWithGradient(ReadOnlySpan<double> points, Span<double> values, Span<double> gradients)
    {
        var partValues = new double[values.Length];
        var partGradients = new double[gradients.Length];
        values.Clear();
        gradients.Clear();
        foreach (var acquisition in _parts)
        {
            acquisition.EvaluateWithGradient(points, partValues, partGradients);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] += partValues[i] / _parts.Length;
            }

            for (var i = 0; i < gradients.Length; i++)
            {
                gradients[i] += partGradients[i] / _parts.Length;
            }
        }
    }
}
