namespace BoDashboard.Optimization.Space;

/// <summary>One dimension of a search space, identified by its name.</summary>
public abstract record ParameterSpec(string Name);
