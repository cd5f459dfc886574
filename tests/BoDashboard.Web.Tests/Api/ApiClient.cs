using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Small helpers for calling the REST API as an outside client would: plain JSON, no shared types.</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body) =>
        client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>A body-less POST (ask, pause, cancel...) as clients send it: an empty body typed application/json,
    /// which the API requires of every state-changing request.</summary>
    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string url) =>
        client.PostAsync(url, EmptyJson());

    public static Task<HttpResponseMessage> DeleteJsonAsync(this HttpClient client, string url) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Content = EmptyJson() });

    public static HttpContent EmptyJson()
    {
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    public static object BraninExternal(int seed) => new
    {
        name = $"branin-ask-tell-{seed}",
        direction = "minimize",
        objective = new { kind = "external" },
        parameters = new object[]
        {
            new { name = "x1", type = "float", low = -5, high = 10 },
            new { name = "x2", type = "float", low = 0, high = 15 },
        },
        sampler = new { name = "gp-ei", initialPoints = 5, xi = 0.0, seed },
        budget = 25,
    };

    public static double Branin(double x1, double x2)
    {
        const double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
        return a * Math.Pow(x2 - b * x1 * x1 + c * x1 - r, 2) + s * (1 - t) * Math.Cos(x1) + s;
    }
}
