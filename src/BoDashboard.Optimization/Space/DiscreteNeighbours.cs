namespace BoDashboard.Optimization.Space;

/// <summary>
/// The feasible points one discrete move away from a point: an int parameter 1, 2, 4, ... units up or down (in natural
/// units, so a log-scaled int also moves by one), or a categorical parameter switched to another choice. These are the moves
/// an acquisition search needs where gradients do not exist.
/// </summary>
public static class DiscreteNeighbours
{
    public static bool Any(SearchSpace space) => space.Parameters.Any(p => p is not FloatParameter);

    public static List<double[]> Of(SearchSpace space, ReadOnlySpan<double> point)
    {
        var neighbours = new List<double[]>();
        var values = space.Decode(point);
        var copy = point.ToArray();
        for (var i = 0; i < space.Parameters.Count; i++)
        {
            var offset = space.OffsetOf(i);
            switch (space.Parameters[i])
            {
                case IntParameter n:
                    var current = (long)values[n.Name];
                    // Steps of 1, 2, 4, ... up to a quarter of the range, both ways: one unit is the finest move, and
                    // the doubling steps let a climb cross a wide range (a log-scaled 1-1000) in a few moves.
                    for (var step = 1L; step == 1 || step <= (n.High - n.Low) / 4; step *= 2)
                    {
                        foreach (var next in new[] { current - step, current + step })
                        {
                            if (next >= n.Low && next <= n.High)
                            {
                                neighbours.Add(With(space, copy, n.Name, next, values));
                            }
                        }
                    }

                    break;
                case CategoricalParameter c:
                    for (var k = 0; k < c.Choices.Count; k++)
                    {
                        if (point[offset + k] < 0.5)
                        {
                            var neighbour = (double[])copy.Clone();
                            neighbour.AsSpan(offset, c.Choices.Count).Clear();
                            neighbour[offset + k] = 1.0;
                            neighbours.Add(neighbour);
                        }
                    }

                    break;
            }
        }

        return neighbours;
    }

    /// <summary>The point with one int parameter set to <paramref name="value"/>, every other coordinate unchanged.</summary>
    private static double[] With(SearchSpace space, double[] point, string name, long value, IReadOnlyDictionary<string, object> values)
    {
        var changed = new Dictionary<string, object>(values, StringComparer.Ordinal) { [name] = value };
        var encoded = space.Encode(changed);
        var index = space.IndexOf(name);
        var neighbour = (double[])point.Clone();
        neighbour[space.OffsetOf(index)] = encoded[space.OffsetOf(index)];
        return neighbour;
    }
}
