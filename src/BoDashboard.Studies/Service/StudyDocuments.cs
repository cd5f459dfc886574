using System.Text.Json;

namespace BoDashboard.Studies.Service;

/// <summary>Short labels read from a study's stored JSON documents, for lists and tables.</summary>
public static class StudyDocuments
{
    public static string ObjectiveLabel(string objectiveJson)
    {
        using var doc = JsonDocument.Parse(objectiveJson);
        var root = doc.RootElement;
        var kind = root.TryGetProperty("kind", out var k) ? k.GetString() ?? "?" : "?";
        return kind switch
        {
            "analytic" when root.TryGetProperty("function", out var f) => f.GetString() ?? kind,
            "alexnet" when root.TryGetProperty("dataset", out var d) => $"alexnet / {d.GetString()}",
            _ => kind,
        };
    }

    public static string SamplerName(string samplerJson)
    {
        using var doc = JsonDocument.Parse(samplerJson);
        return doc.RootElement.TryGetProperty("name", out var n) ? n.GetString() ?? "?" : "?";
    }
}
