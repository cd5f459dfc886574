namespace BoDashboard.Client;

/// <summary>One searched parameter. <c>float</c> and <c>int</c> take <see cref="Low"/>, <see cref="High"/> and
/// <see cref="Log"/>; <c>categorical</c> takes <see cref="Choices"/>. Values are in natural units: a learning rate
/// searched on a log scale is <c>Low = 1e-5, High = 0.1, Log = true</c>, not its exponents.</summary>
public sealed record ParameterDefinition
{
    /// <summary>The name under which trials carry the parameter's value.</summary>
    public required string Name { get; init; }

    /// <summary><c>float</c>, <c>int</c> or <c>categorical</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Lower bound (float and int).</summary>
    public double? Low { get; init; }

    /// <summary>Upper bound (float and int); must be greater than <see cref="Low"/>.</summary>
    public double? High { get; init; }

    /// <summary>Search on log10 of the value (needs <see cref="Low"/> &gt; 0); the values handed out stay natural.</summary>
    public bool? Log { get; init; }

    /// <summary>The choices of a categorical parameter.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>A real-valued parameter in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static ParameterDefinition Float(string name, double low, double high, bool log = false) =>
        new() { Name = name, Type = "float", Low = low, High = high, Log = log };

    /// <summary>A whole-number parameter in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static ParameterDefinition Int(string name, long low, long high, bool log = false) =>
        new() { Name = name, Type = "int", Low = low, High = high, Log = log };

    /// <summary>A parameter taking one of <paramref name="choices"/>.</summary>
    public static ParameterDefinition Categorical(string name, params string[] choices) =>
        new() { Name = name, Type = "categorical", Choices = choices };
}
