namespace BoDashboard.Optimization.Space;

/// <summary>An integer parameter in [Low, High] (inclusive); with <c>Log</c> it is searched on a log10 scale.</summary>
public sealed record IntParameter(string Name, long Low, long High, bool Log = false) : ParameterSpec(Name);
