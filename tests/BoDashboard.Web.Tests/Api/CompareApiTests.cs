using System.Net;
using System.Text.Json.Nodes;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

public sealed class CompareApiTests : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client;

    public CompareApiTests(TestDashboardFactory factory) => client = factory.CreateClient();

    private async Task<int> CreateAsync(string name, string function = "seed-1d", int seed = 0) =>
        (int)(await (await client.PostJsonAsync("/api/studies", new
        {
            name,
            objective = new { kind = "analytic", function },
            sampler = new { name = "gp-ei", initialPoints = 2, seed },
            budget = 3,
        })).JsonAsync())["id"]!;

    [Fact]
    public async Task Compare_with_seeds_launches_every_sampler_per_seed_and_without_a_body_random_and_grid()
    {
        var seeded = await CreateAsync("api-seeded", seed: 4);
        var response = await client.PostJsonAsync($"/api/studies/{seeded}/compare", new { seeds = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runs = (await response.JsonAsync()).AsArray().Select(s => $"{s!["sampler"]!["name"]} {s["sampler"]!["seed"]}").Order();
        Assert.Equal(["gp-ei 5", "grid 4", "grid 5", "random 4", "random 5"], runs);

        var plain = await CreateAsync("api-plain");
        var old = await client.PostEmptyAsync($"/api/studies/{plain}/compare");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(["random", "grid"], (await old.JsonAsync()).AsArray().Select(s => (string)s!["sampler"]!["name"]!));
    }

    [Fact]
    public async Task Bad_compare_requests_are_problems_that_name_the_field()
    {
        var id = await CreateAsync("api-bad-compare");

        var zero = await client.PostJsonAsync($"/api/studies/{id}/compare", new { seeds = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Contains("between 1 and 10", (string)(await zero.JsonAsync())["errors"]!["seeds"]![0]!);

        var typo = await client.PostRawAsync($"/api/studies/{id}/compare", "{\"seedz\": 3}");
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);

        var external = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(0))).JsonAsync())["id"]!;
        var refused = await client.PostJsonAsync($"/api/studies/{external}/compare", new { seeds = 3 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync("/api/studies/99999/compare", new { seeds = 3 })).StatusCode);
    }

    [Fact]
    public async Task Comparable_lists_studies_with_the_same_search_space_and_direction()
    {
        var a = await CreateAsync("api-comparable-a");
        var b = await CreateAsync("api-comparable-b", seed: 3);
        var branin = await CreateAsync("api-comparable-branin", function: "branin");

        var comparable = (await (await client.GetAsync($"/api/studies/{a}/comparable")).JsonAsync()).AsArray().Select(s => (int)s!["id"]!).ToList();

        Assert.Contains(b, comparable);
        Assert.DoesNotContain(branin, comparable);
        Assert.DoesNotContain(a, comparable);
    }

    [Fact]
    public async Task The_best_trial_document_is_indented()
    {
        var body = ApiClient.BraninExternal(1);
        var id = (int)(await (await client.PostJsonAsync("/api/studies", body)).JsonAsync())["id"]!;
        var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
        await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value = 3.5 });

        var text = await client.GetStringAsync($"/api/studies/{id}/best");

        Assert.StartsWith("{\n  \"study\": \"branin-ask-tell-1\",\n  \"objective\": {", text.ReplaceLineEndings("\n"));
        Assert.Equal(3.5, (double)JsonNode.Parse(text)!["value"]!);
    }
}
