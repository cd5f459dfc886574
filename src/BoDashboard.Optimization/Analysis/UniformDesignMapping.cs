using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// Maps one uniform number per parameter onto the space's unit-cube encoding, uniformly over what a parameter can
/// take: a float's coordinate directly (so uniform on the log scale for a log parameter), an int's to one of its
/// integers, a categorical's to one of its choices (one-hot). Sobol indices are then per parameter, whatever its
/// width in the encoding.
/// </summary>
internal static class UniformDesignMapping
{
    public static double[] Encode(SearchSpace space, ReadOnlySpan<double> uniforms, int count)
    {
        var parameters = space.Parameters.Count;
        var encoded = new double[count * space.Dimension];
        for (var k = 0; k < count; k++)
        {
            var target = encoded.AsSpan(k * space.Dimension, space.Dimension);
            var u = uniforms.Slice(k * parameters, parameters);
            for (var i = 0; i < parameters; i++)
            {
                var offset = space.OffsetOf(i);
                switch (space.Parameters[i])
                {
                    case CategoricalParameter c:
                        target[offset + Math.Min((int)(u[i] * c.Choices.Count), c.Choices.Count - 1)] = 1.0;
                        break;
                    case IntParameter { Log: false } n:
                        var steps = n.High - n.Low;
                        target[offset] = Math.Min(Math.Floor(u[i] * (steps + 1)), steps) / steps;
                        break;
                    default:
                        target[offset] = u[i];
                        break;
                }
            }

            // Log ints snap to their integers the way the sampler's own points do.
            space.Project(target);
        }

        return encoded;
    }
}
