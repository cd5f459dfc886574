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
        for (var i = 0; i < 2; i++)
        {
            var ask = await client.PostEmptyAsync($"/api/studies/{id}/ask");
            Assert.True(ask.StatusCode == HttpStatusCode.OK, $"ask: {ask.StatusCode} {await ask.Content.ReadAsStringAsync()}");
            var trial = (int)(await ask.JsonAsync())["trialId"]!;
            Assert.Equal(HttpStatusCode.OK, (await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", """{"value": 1.5}""")).StatusCode);
        }
        foreach (var url in new[] { "posterior", "posterior?x=x1&y=x2&resolution=10", "importance", "best", "trials.csv", "" })
        {
            var response = await client.GetAsync($"/api/studies/{id}/{url}".TrimEnd('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
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
