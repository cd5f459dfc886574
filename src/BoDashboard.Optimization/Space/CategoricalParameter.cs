namespace BoDashboard.Optimization.Space;

/// <summary>A parameter taking one of a fixed list of strings; encoded one-hot.</summary>
public sealed record CategoricalParameter(string Name, IReadOnlyList<string> Choices) : ParameterSpec(Name);
