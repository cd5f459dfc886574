namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// The GP posterior along one parameter with the others held at the best trial, in objective units. A numeric
/// parameter has a natural-unit <see cref="Axis"/> and curves over it; a categorical one has its
/// <see cref="Choices"/> and one mean and standard deviation per choice. Mean and Std are empty before the first
/// completed trial.
/// </summary>
public sealed record ParameterSlice(
    string Name,
    bool Log,
    bool Categorical,
    IReadOnlyList<double> Axis,
    IReadOnlyList<string> Choices,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Std,
    IReadOnlyList<SliceObservation> Observations);
