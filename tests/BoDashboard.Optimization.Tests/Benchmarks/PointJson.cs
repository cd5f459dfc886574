using System.Text.Json;

namespace BoDashboard.Optimization.Tests.Benchmarks;

/// <summary>A point written as JSON in a test's data: strings stay strings (categoricals), whole numbers without a
/// decimal point become longs (ints), everything else doubles.</summary>
internal static class PointJson
{
    public static Dictionary<string, object> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(
            e => e.Key,
            e => e.Value.ValueKind == JsonValueKind.String ? (object)e.Value.GetString()!
                : e.Value.TryGetInt64(out var whole) && !e.Value.GetRawText().Contains('.') ? whole : e.Value.GetDouble());
}
