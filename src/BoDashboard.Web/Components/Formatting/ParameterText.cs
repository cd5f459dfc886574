using System.Globalization;

namespace BoDashboard.Web.Components.Formatting;

/// <summary>How the pages write a parameter value (4 significant digits, invariant culture) and a set of them.</summary>
public static class ParameterText
{
    public static string Format(object? value) => value switch
    {
        null => "–",
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        float f => f.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "–",
    };

    /// <summary>"name = value" pairs in the dictionary's order, joined by <paramref name="separator"/>.</summary>
    public static string Join(IEnumerable<KeyValuePair<string, object>> parameters, string separator = ", ") =>
        string.Join(separator, parameters.Select(kv => $"{kv.Key} = {Format(kv.Value)}"));
}
