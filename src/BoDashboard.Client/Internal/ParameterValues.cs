using System.Globalization;
using System.Text.Json;

namespace BoDashboard.Client.Internal;

/// <summary>Typed reads of a trial's parameter values, shared by asked trials, trials and the export document.
/// Values arrive in natural units: float parameters as numbers, int parameters as whole numbers, categorical ones as
/// strings.</summary>
internal static class ParameterValues
{
    public static double GetDouble(IReadOnlyDictionary<string, JsonElement> values, string name)
    {
        var e = Get(values, name);
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw NotA(name, e, "a number"),
        };
    }

    public static long GetInt64(IReadOnlyDictionary<string, JsonElement> values, string name)
    {
        var e = Get(values, name);
        if (e.ValueKind == JsonValueKind.Number)
        {
            if (e.TryGetInt64(out var l)) return l;
            var d = e.GetDouble();
            if (Math.Abs(d - Math.Round(d)) < 1e-9 && Math.Abs(d) < 9e15) return (long)Math.Round(d);
        }
        else if (e.ValueKind == JsonValueKind.String && long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
        {
            return s;
        }
        throw NotA(name, e, "a whole number");
    }

    public static string GetString(IReadOnlyDictionary<string, JsonElement> values, string name)
    {
        var e = Get(values, name);
        // A categorical choice is a string; a number is returned as the server wrote it (invariant culture).
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
    }

    private static JsonElement Get(IReadOnlyDictionary<string, JsonElement> values, string name) =>
        values.TryGetValue(name, out var e)
            ? e
            : throw new KeyNotFoundException($"there is no parameter '{name}'; the trial has {string.Join(", ", values.Keys)}");

    private static FormatException NotA(string name, JsonElement e, string what) =>
        new($"parameter '{name}' is {e.GetRawText()}, not {what}");
}
