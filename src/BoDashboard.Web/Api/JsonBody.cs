using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoDashboard.Web.Api;

/// <summary>Reads a request body strictly (unknown fields are errors, so a typo is reported instead of ignored) and
/// turns every JSON problem into a message that names the field.</summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.Validation("body", "send a JSON body with Content-Type: application/json"));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Strict, ct);
            return value is null ? (null, ApiProblems.Validation("body", "the body is empty or null")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.NotJson(e));
        }
    }
}
