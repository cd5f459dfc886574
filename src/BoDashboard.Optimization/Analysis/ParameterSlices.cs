namespace BoDashboard.Optimization.Analysis;

/// <summary>One slice per parameter, all through the same point: the best trial's parameters (<see cref="Through"/>),
/// or the centre of the space before any trial completed.</summary>
public sealed record ParameterSlices(IReadOnlyList<ParameterSlice> Slices, IReadOnlyDictionary<string, object> Through, int? BestTrialNumber);
