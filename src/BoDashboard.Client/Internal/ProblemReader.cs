using System.Text.Json;

namespace BoDashboard.Client.Internal;

/// <summary>Turns an unsuccessful response into a <see cref="BoDashboardApiException"/>: a problem document
/// (<c>application/problem+json</c>) gives title, detail and field errors; any other body (a proxy's HTML page, a
/// route that does not exist) still gives the status and a short excerpt.</summary>
internal static class ProblemReader
{
    private const int MaxExcerpt = 500;

    public static async Task<BoDashboardApiException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var reason = response.ReasonPhrase is { Length: > 0 } r ? r : response.StatusCode.ToString();
        var body = await response.Content.ReadAsStringAsync(ct);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase) && TryParse(body, status, reason) is { } problem)
            return problem;
        var excerpt = body.Length > MaxExcerpt ? body[..MaxExcerpt] + "..." : body;
        var detail = mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(excerpt)
            ? $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {status} without a problem document"
            : excerpt;
        return new BoDashboardApiException(status, reason, detail);
    }

    private static BoDashboardApiException? TryParse(string body, int status, string reason)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var title = Text(root, "title") ?? reason;
            var detail = Text(root, "detail");
            var type = Text(root, "type");
            if (root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var st)) status = st;
            var errors = new List<FieldError>();
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    if (field.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var message in field.Value.EnumerateArray())
                            errors.Add(new FieldError(field.Name, message.ValueKind == JsonValueKind.String ? message.GetString()! : message.GetRawText()));
                    }
                    else
                    {
                        errors.Add(new FieldError(field.Name, field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText()));
                    }
                }
            }
            return new BoDashboardApiException(status, title, detail, errors, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
