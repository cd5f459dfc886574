using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoDashboard.Client.Internal;

/// <summary>The JSON settings of the API: camelCase names, unset optional fields left out. The server rejects unknown
/// fields, so a request must never carry a <c>null</c> for a setting the caller did not choose.</summary>
internal static class ClientJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The server may write a non-finite acquisition value as "NaN" or "Infinity"; read it rather than fail.
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
