namespace BoDashboard.Optimization.Space;

/// <summary>A real parameter in [Low, High]; with <c>Log</c> the optimizer works on log10 of the value.</summary>
public sealed record FloatParameter(string Name, double Low, double High, bool Log = false) : ParameterSpec(Name);
