namespace BoDashboard.Studies.Definition;

/// <summary>One searched parameter as the API and the form describe it: <c>float</c> and <c>int</c> take
/// <c>low</c>, <c>high</c> and <c>log</c>; <c>categorical</c> takes <c>choices</c>.</summary>
public sealed record ParameterDefinition(
    string Name,
    string Type = "float",
    double? Low = null,
    double? High = null,
    bool Log = false,
    IReadOnlyList<string>? Choices = null);
