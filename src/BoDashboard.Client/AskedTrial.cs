using System.Text.Json;
using BoDashboard.Client.Internal;

namespace BoDashboard.Client;

/// <summary>The answer to an ask: evaluate <see cref="Params"/>, then report intermediate values and tell the result
/// for <see cref="TrialId"/>.</summary>
/// <param name="TrialId">The id to report and tell with.</param>
/// <param name="Number">The trial's position in the study, from 0.</param>
/// <param name="Params">Parameter values in natural units, as JSON (numbers for float and int parameters, strings
/// for categorical ones); the typed helpers read them.</param>
public sealed record AskedTrial(int TrialId, int Number, IReadOnlyDictionary<string, JsonElement> Params)
{
    /// <summary>The value of a float (or int) parameter.</summary>
    public double GetDouble(string name) => ParameterValues.GetDouble(Params, name);

    /// <summary>The value of an int parameter.</summary>
    public long GetInt64(string name) => ParameterValues.GetInt64(Params, name);

    /// <summary>The value of a categorical parameter (a number comes back as the server wrote it).</summary>
    public string GetString(string name) => ParameterValues.GetString(Params, name);
}
