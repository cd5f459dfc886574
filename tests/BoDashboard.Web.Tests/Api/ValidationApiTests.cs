using System.Net;
using System.Text.Json.Nodes;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

public sealed class ValidationApiTests : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client;

    public ValidationApiTests(TestDashboardFactory factory) => client = factory.CreateClient();

    private static JsonObject Valid() => JsonNode.Parse("""
        {"name": "v", "direction": "maximize", "objective": {"kind": "external"},
         "parameters": [{"name": "lr", "type": "float", "low": 1e-5, "high": 0.1, "log": true}],
         "sampler": {"name": "gp-ei", "initialPoints": 3, "xi": 0.01, "seed": 0}, "budget": 10}
        """)!.AsObject();

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "inverted bounds", """{"parameters": [{"name": "lr", "type": "float", "low": 0.1, "high": 1e-5}]}""", "parameters[0]" },
        { "non-finite bound", """{"parameters": [{"name": "lr", "type": "float", "low": 1e-5, "high": 1e400}]}""", "parameters[0]" },
        { "log with low <= 0", """{"parameters": [{"name": "lr", "type": "float", "low": 0, "high": 1, "log": true}]}""", "parameters[0]" },
        { "unknown parameter type", """{"parameters": [{"name": "lr", "type": "complex", "low": 0, "high": 1}]}""", "parameters[0].type" },
        { "empty name", """{"parameters": [{"name": "", "type": "float", "low": 0, "high": 1}]}""", "parameters[0]" },
        { "duplicate names", """{"parameters": [{"name": "a", "type": "float", "low": 0, "high": 1}, {"name": "a", "type": "float", "low": 0, "high": 1}]}""", "parameters[1]" },
        { "empty choices", """{"parameters": [{"name": "opt", "type": "categorical", "choices": []}]}""", "parameters[0]" },
        { "unknown sampler", """{"sampler": {"name": "tpe"}}""", "sampler" },
        { "unknown pending strategy", """{"sampler": {"name": "gp-ei", "pending": "hopeful"}}""", "sampler.pending" },
        { "unknown objective", """{"objective": {"kind": "quantum"}}""", "objective.kind" },
        { "unknown function", """{"objective": {"kind": "analytic", "function": "himmelblau"}, "parameters": []}""", "objective.function" },
        { "unknown field", """{"sampelr": {"name": "gp-ei"}}""", "sampelr" },
        { "zero budget", """{"budget": 0}""", "budget" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_study_definitions_are_400_problems_that_name_the_field_and_store_nothing(string why, string patch, string field)
    {
        var body = Valid();
        foreach (var (key, value) in JsonNode.Parse(patch)!.AsObject()) body[key] = value?.DeepClone();
        var before = (await (await client.GetAsync("/api/studies")).JsonAsync()).AsArray().Count;

        var response = await client.PostRawAsync("/api/studies", body.ToJsonString());

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains(field, StringComparison.Ordinal));
        Assert.Contains(field, (string)problem["detail"]!);
        Assert.Equal(before, (await (await client.GetAsync("/api/studies")).JsonAsync()).AsArray().Count);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        var response = await client.PostRawAsync("/api/studies", "{name: this is not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", (string)(await response.JsonAsync())["detail"]!);
    }

    [Theory]
    [InlineData("""{"value": "NaN"}""")]
    [InlineData("""{"value": "Infinity"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"state": "exploded"}""")]
    public async Task Telling_a_non_finite_or_missing_value_is_a_400_and_changes_nothing(string tell)
    {
        var id = (int)(await (await client.PostRawAsync("/api/studies", Valid().ToJsonString())).JsonAsync())["id"]!;
        var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();

        var response = await client.PostRawAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", tell);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var trial = (await (await client.GetAsync($"/api/studies/{id}")).JsonAsync())["trials"]![0]!;
        Assert.Equal("running", (string)trial["state"]!);
        Assert.Null(trial["value"]);
    }

    [Fact]
    public async Task Unknown_studies_and_trials_are_404_problems()
    {
        var id = (int)(await (await client.PostRawAsync("/api/studies", Valid().ToJsonString())).JsonAsync())["id"]!;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/studies/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostEmptyAsync("/api/studies/999999/ask")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteJsonAsync("/api/studies/999999")).StatusCode);
        var unknownTrial = await client.PostRawAsync($"/api/studies/{id}/trials/999999/tell", """{"value": 1}""");
        Assert.Equal(HttpStatusCode.NotFound, unknownTrial.StatusCode);
        Assert.Equal("application/problem+json", unknownTrial.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        var doc = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();

        foreach (var route in new[] { "/api/studies", "/api/studies/{id}", "/api/studies/{id}/ask", "/api/studies/{id}/trials/{trialId}/tell",
                     "/api/studies/{id}/best", "/api/studies/{id}/trials.csv", "/api/studies/{id}/posterior", "/api/studies/{id}/pause",
                     "/api/studies/{id}/resume", "/api/studies/{id}/cancel" })
            Assert.Contains(route, paths);
        Assert.NotNull(doc["paths"]!["/api/studies"]!["post"]!["requestBody"]);
    }
}
