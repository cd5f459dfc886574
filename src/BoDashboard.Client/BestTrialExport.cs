using System.Text.Json;
using BoDashboard.Client.Internal;

namespace BoDashboard.Client;

/// <summary>The export document of a study's best trial (<c>GET /api/studies/{id}/best</c>): what to keep after a
/// study, with parameters in natural units and the search space they came from.</summary>
public sealed record BestTrialExport
{
    /// <summary>The study's name.</summary>
    public string Study { get; init; } = "";

    /// <summary>The study's objective.</summary>
    public ObjectiveDefinition Objective { get; init; } = ObjectiveDefinition.External();

    /// <summary><c>maximize</c> or <c>minimize</c>.</summary>
    public string Direction { get; init; } = "";

    /// <summary>The best trial's number.</summary>
    public int TrialNumber { get; init; }

    /// <summary>The best value.</summary>
    public double Value { get; init; }

    /// <summary>The best parameters in natural units; read them with <see cref="GetDouble"/>, <see cref="GetInt64"/>
    /// and <see cref="GetString"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Params { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The parameter definitions of the study.</summary>
    public IReadOnlyList<ParameterDefinition> SearchSpace { get; init; } = [];

    /// <summary>When the document was made (UTC).</summary>
    public DateTime ExportedAt { get; init; }

    /// <summary>The value of a float (or int) parameter.</summary>
    public double GetDouble(string name) => ParameterValues.GetDouble(Params, name);

    /// <summary>The value of an int parameter.</summary>
    public long GetInt64(string name) => ParameterValues.GetInt64(Params, name);

    /// <summary>The value of a categorical parameter (a number comes back as the server wrote it).</summary>
    public string GetString(string name) => ParameterValues.GetString(Params, name);
}
