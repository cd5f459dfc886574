using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Values that are legal but extreme, and requests that race: the study keeps working and stays consistent.</summary>
public sealed class HostileValuesApiTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData(1e308, -1e308)]
    [InlineData(1.7976931348623157e308, 1.7976931348623157e308)]
    [InlineData(5e-324, -5e-324)]
    [InlineData(1e300, 1)]
    public async Task Extreme_finite_values_are_stored_and_the_study_still_asks_and_draws(double first, double second)
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(41))).JsonAsync())["id"]!;
        var values = new[] { first, second, 0.0, first / 2, 3.0, -2.0 };
        foreach (var value in values)
        {
            var trial = (int)(await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync())["trialId"]!;
            await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/report", FormattableString.Invariant($$"""{"step": 0, "value": {{value:R}}}"""));
            var told = await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", FormattableString.Invariant($$"""{"value": {{value:R}}}"""));
            Assert.Equal(HttpStatusCode.OK, told.StatusCode);
        }

        // Past the initial points the GP takes over: it must cope with values at the edge of double.
        await client.AskAndTellAsync(id, 2, _ => 1.5);
        foreach (var url in new[] { "posterior", "posterior?x=x1&y=x2&resolution=10", "importance", "best", "trials.csv", "" })
        {
            var response = await client.GetAsync($"/api/studies/{id}/{url}".TrimEnd('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("""{"name": "x", "type": "float", "low": 1, "high": 1.0000000000000002}""")]
    [InlineData("""{"name": "x", "type": "float", "low": 0, "high": 5e-324}""")]
    [InlineData("""{"name": "x", "type": "float", "low": 5e-324, "high": 1e-300, "log": true}""")]
    [InlineData("""{"name": "x", "type": "int", "low": 0, "high": 1}""")]
    [InlineData("""{"name": "x", "type": "categorical", "choices": ["only"]}""")]
    [InlineData("""{"name": "x", "type": "float", "low": -8e307, "high": 8e307}""")]
    public async Task A_degenerate_but_valid_parameter_still_asks_past_the_initial_points(string parameter)
    {
        var body = $$"""
            {"name": "degenerate", "direction": "maximize", "objective": {"kind": "external"}, "parameters": [{{parameter}}],
             "sampler": {"name": "gp-ei", "initialPoints": 2, "seed": 3}, "budget": 8}
            """;
        var created = await client.PostRawAsync("/api/studies", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (int)(await created.JsonAsync())["id"]!;

        await client.AskAndTellAsync(id, 8, i => i % 3);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/studies/{id}/best")).StatusCode);
    }

    [Fact]
    public async Task Racing_reports_of_one_step_store_it_once()
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(42))).JsonAsync())["id"]!;
        var trial = (int)(await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync())["trialId"]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PostRawAsync($"/api/studies/{id}/trials/{trial}/report", $$"""{"step": 5, "value": {{i}}}""")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var stored = (await (await client.GetAsync($"/api/studies/{id}")).JsonAsync())["trials"]![0]!["intermediate"]!.AsArray();
        Assert.Single(stored);
    }

    [Fact]
    public async Task Racing_asks_never_hand_out_more_trials_than_the_budget()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiClient.BraninExternal(43), ApiClient.Json))!;
        body["budget"] = 3;
        var id = (int)(await (await client.PostRawAsync("/api/studies", body.ToJsonString())).JsonAsync())["id"]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostEmptyAsync($"/api/studies/{id}/ask")));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(3, (await (await client.GetAsync($"/api/studies/{id}")).JsonAsync())["trials"]!.AsArray().Count);
    }
}

/// <summary>A search space at every limit the validator allows still hands out trials and draws its posterior.</summary>
public sealed class SearchSpaceLimitsApiTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_study_at_the_limits_of_the_search_space_asks_and_draws()
    {
        var parameters = new List<object>
        {
            new { name = new string('p', Optimization.Space.SearchSpace.MaxNameLength), type = "float", low = 1e-300, high = 1e300, log = true },
            new { name = "wide_int", type = "int", low = -999_999_999_999_999L, high = 999_999_999_999_999L },
            new { name = "log_int", type = "int", low = 1, high = 999_999_999_999_999L, log = true },
            new { name = "tiny", type = "float", low = 0.0, high = 5e-324 },
            new { name = "many", type = "categorical", choices = Enumerable.Range(0, Optimization.Space.SearchSpace.MaxChoices).Select(i => $"choice-{i}-{new string('c', 150)}").ToArray() },
        };
        for (var i = parameters.Count; i < Optimization.Space.SearchSpace.MaxParameters; i++)
            parameters.Add(new { name = $"f{i}", type = "float", low = -8e307, high = 8e307 });
        var created = await client.PostJsonAsync("/api/studies", new
        {
            name = "limits", direction = "maximize", objective = new { kind = "external" }, parameters,
            sampler = new { name = "gp-ei", initialPoints = 2, seed = 5 }, budget = 6,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (int)(await created.JsonAsync())["id"]!;

        await client.AskAndTellAsync(id, 4, i => i);
        foreach (var url in new[] { "posterior?x=wide_int&y=log_int&resolution=5", "posterior?x=tiny", "importance", "best", "trials.csv" })
        {
            var response = await client.GetAsync($"/api/studies/{id}/{url}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
