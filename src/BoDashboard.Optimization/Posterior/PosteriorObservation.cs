namespace BoDashboard.Optimization.Posterior;

/// <summary>A finished trial as drawn on a slice: its coordinates (Y is null on a 1-D slice) and its value. A slice's
/// <c>Observations</c> are its completed trials; its <c>PrunedObservations</c> the trials a pruner stopped, with the
/// value they had when stopped (their last intermediate value).</summary>
public sealed record PosteriorObservation(int Number, double X, double? Y, double Value)
{
    /// <summary>All of the trial's parameters (natural units), for hover text.</summary>
    public IReadOnlyDictionary<string, object> Params { get; init; } = new Dictionary<string, object>();

    /// <summary>How far the trial lies from the slice in the parameters not on its axes: the root mean square of the
    /// per-parameter distances (unit-cube distance for numeric parameters, 0 or 1 for categorical ones), in [0, 1].
    /// 0 when the trial lies on the slice (or every parameter is on an axis).</summary>
    public double Distance { get; init; }
}
