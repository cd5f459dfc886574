using System.Net;
using System.Text.Json.Nodes;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

public sealed class AskTellApiTests : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client;

    public AskTellApiTests(TestDashboardFactory factory) => client = factory.CreateClient();

    [Fact]
    public async Task Branin_through_ask_tell_finds_a_better_minimum_than_random_search_on_most_seeds()
    {
        var wins = 0;
        for (var seed = 0; seed < 3; seed++)
        {
            var created = await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(seed));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (int)(await created.JsonAsync())["id"]!;
            var told = new List<double>();
            for (var i = 0; i < 25; i++)
            {
                var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
                var value = ApiClient.Branin((double)ask["params"]!["x1"]!, (double)ask["params"]!["x2"]!);
                told.Add(value);
                var tell = await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value });
                Assert.Equal(HttpStatusCode.OK, tell.StatusCode);
            }

            var best = await (await client.GetAsync($"/api/studies/{id}/best")).JsonAsync();
            Assert.Equal(told.Min(), (double)best["value"]!);
            Assert.Equal(told.IndexOf(told.Min()), (int)best["trialNumber"]!);
            var random = new Random(seed);
            var randomBest = Enumerable.Range(0, 25).Min(_ => ApiClient.Branin(-5 + 15 * random.NextDouble(), 15 * random.NextDouble()));
            if (told.Min() < randomBest) wins++;
            var study = await (await client.GetAsync($"/api/studies/{id}")).JsonAsync();
            Assert.Equal("completed", (string)study["state"]!);
            Assert.Equal(25, study["trials"]!.AsArray().Count);
        }
        Assert.True(wins >= 2, $"gp-ei beat random search on {wins} of 3 seeds");
    }

    [Fact]
    public async Task Sixteen_concurrent_asks_get_sixteen_distinct_trials()
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(7))).JsonAsync())["id"]!;
        for (var i = 0; i < 5; i++)
        {
            var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
            await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value = ApiClient.Branin((double)ask["params"]!["x1"]!, (double)ask["params"]!["x2"]!) });
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.PostEmptyAsync($"/api/studies/{id}/ask")));
        var asks = await Task.WhenAll(responses.Select(r => r.JsonAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(16, asks.Select(a => (int)a["trialId"]!).Distinct().Count());
        Assert.Equal(16, asks.Select(a => (int)a["number"]!).Distinct().Count());
        Assert.Equal(16, asks.Select(a => a["params"]!.ToJsonString()).Distinct().Count());
    }

    [Fact]
    public async Task A_trial_asked_and_never_told_can_be_told_failed_and_does_not_block_the_study()
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(3))).JsonAsync())["id"]!;
        var abandoned = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
        var next = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
        Assert.NotEqual((int)abandoned["trialId"]!, (int)next["trialId"]!);

        var failed = await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)abandoned["trialId"]!}/tell", new { state = "failed", error = "the cluster node died" });
        var again = await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)abandoned["trialId"]!}/tell", new { value = 1.0 });

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal("failed", (string)(await failed.JsonAsync())["state"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var study = await (await client.GetAsync($"/api/studies/{id}")).JsonAsync();
        var trial = study["trials"]!.AsArray().Single(t => (int)t!["id"]! == (int)abandoned["trialId"]!)!;
        Assert.Equal("the cluster node died", (string)trial["error"]!);
    }

    [Fact]
    public async Task Export_document_round_trips_and_keeps_natural_units()
    {
        var body = new
        {
            name = "alexnet-lr-wd",
            direction = "maximize",
            objective = new { kind = "external" },
            parameters = new object[]
            {
                new { name = "learning_rate", type = "float", low = 1e-5, high = 0.1, log = true },
                new { name = "weight_decay", type = "float", low = 1e-5, high = 0.1, log = true },
            },
            sampler = new { name = "gp-ei", initialPoints = 3, xi = 0.01, seed = 0 },
            budget = 30,
        };
        var id = (int)(await (await client.PostJsonAsync("/api/studies", body)).JsonAsync())["id"]!;
        var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
        await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value = 0.93 });

        var exportText = await client.GetStringAsync($"/api/studies/{id}/best");
        var export = JsonNode.Parse(exportText)!;
        var reparsed = JsonNode.Parse(export.ToJsonString())!;

        Assert.True(JsonNode.DeepEquals(export, reparsed));
        Assert.Equal(["study", "objective", "direction", "trialNumber", "value", "params", "searchSpace", "exportedAt"],
            export.AsObject().Select(kv => kv.Key));
        Assert.Equal("alexnet-lr-wd", (string)export["study"]!);
        Assert.Equal(0.93, (double)export["value"]!);
        var lr = (double)export["params"]!["learning_rate"]!;
        Assert.Equal((double)ask["params"]!["learning_rate"]!, lr);
        Assert.InRange(lr, 1e-5, 0.1); // natural units, not log10
        Assert.True((bool)export["searchSpace"]![0]!["log"]!);
    }

    [Fact]
    public async Task Trials_csv_and_posterior_describe_the_study()
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(11))).JsonAsync())["id"]!;
        for (var i = 0; i < 6; i++)
        {
            var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
            await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value = ApiClient.Branin((double)ask["params"]!["x1"]!, (double)ask["params"]!["x2"]!) });
        }

        var csv = await client.GetAsync($"/api/studies/{id}/trials.csv");
        var posterior = await (await client.GetAsync($"/api/studies/{id}/posterior?x=x1&y=x2&resolution=12")).JsonAsync();
        var badAxis = await client.GetAsync($"/api/studies/{id}/posterior?x=x1&y=nope");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(7, (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(12, posterior["mean"]!.AsArray().Count);
        Assert.Equal(12, posterior["std"]![0]!.AsArray().Count);
        Assert.Equal(12, posterior["acquisition"]!.AsArray().Count);
        Assert.Equal(6, posterior["observations"]!.AsArray().Count);
        Assert.NotNull(posterior["nextCandidate"]);
        Assert.Equal(HttpStatusCode.BadRequest, badAxis.StatusCode);
    }
}
