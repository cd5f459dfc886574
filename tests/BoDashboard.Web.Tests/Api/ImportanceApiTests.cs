using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>GET /api/studies/{id}/importance: the Sobol indices of the study's GP, or why there are none yet.</summary>
public sealed class ImportanceApiTests : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client;

    public ImportanceApiTests(TestDashboardFactory factory) => client = factory.CreateClient();

    private static object Study(int seed) => new
    {
        name = $"importance-{seed}",
        direction = "minimize",
        objective = new { kind = "external" },
        parameters = new object[]
        {
            new { name = "x1", type = "float", low = -5, high = 10 },
            new { name = "x2", type = "float", low = 0, high = 15 },
            new { name = "unused", type = "float", low = 1e-3, high = 1, log = true },
        },
        sampler = new { name = "gp-ei", initialPoints = 12, seed },
        budget = 30,
    };

    [Fact]
    public async Task Importance_ranks_the_parameters_with_errors()
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", Study(3))).JsonAsync())["id"]!;
        var before = await (await client.GetAsync($"/api/studies/{id}/importance")).JsonAsync();
        for (var i = 0; i < 12; i++)
        {
            var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
            var value = ApiClient.Branin((double)ask["params"]!["x1"]!, (double)ask["params"]!["x2"]!);
            await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value });
        }

        var response = await client.GetAsync($"/api/studies/{id}/importance");
        var importance = await response.JsonAsync();

        Assert.Empty(before["parameters"]!.AsArray());
        Assert.Contains("at least 3 completed trials", (string)before["message"]!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12, (int)importance["completedTrials"]!);
        var parameters = importance["parameters"]!.AsArray();
        Assert.Equal(3, parameters.Count);
        Assert.Equal("unused", (string)parameters[2]!["name"]!);
        Assert.All(parameters, p =>
        {
            Assert.InRange((double)p!["total"]!, -0.1, 1.1);
            Assert.True((double)p["totalError"]! >= 0);
            Assert.NotNull(p["first"]);
            Assert.NotNull(p["firstError"]);
        });
    }

    [Fact]
    public async Task Importance_of_an_unknown_study_is_a_404_problem()
    {
        var response = await client.GetAsync("/api/studies/987654/importance");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
