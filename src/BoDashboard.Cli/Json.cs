using System.Text.Json;

namespace BoDashboard.Cli;

/// <summary>The CLI's JSON output: camelCase like the REST API, indented for people.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
