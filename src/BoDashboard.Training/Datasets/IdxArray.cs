namespace BoDashboard.Training.Datasets;

/// <summary>The content of one IDX file of unsigned bytes: its dimensions (first: item count) and the values.</summary>
public sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Data)
{
    public int Count => Dimensions[0];

    /// <summary>Values per item: 1 for labels, rows x columns for images.</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (product, d) => product * d);
}
