using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>The posterior route cuts the maps at fix.NAME values, explains bad ones, and gives no next candidate once
/// the study proposes no more.</summary>
public sealed class PosteriorApiTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<int> StudyWithTrialsAsync(int told)
    {
        var definition = new
        {
            name = "three-parameters",
            objective = new { kind = "external" },
            parameters = new object[]
            {
                new { name = "a", type = "float", low = 0, high = 1 },
                new { name = "b", type = "float", low = 0.001, high = 1, log = true },
                new { name = "c", type = "int", low = 1, high = 9 },
            },
            sampler = new { name = "gp-ei", initialPoints = 3, seed = 2 },
            budget = 12,
        };
        var id = (int)(await (await client.PostJsonAsync("/api/studies", definition)).JsonAsync())["id"]!;
        for (var i = 0; i < told; i++)
        {
            var asked = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
            var p = asked["params"]!;
            var value = -Math.Pow((double)p["a"]! - 0.3, 2) - Math.Abs(Math.Log10((double)p["b"]!) + 2) + 0.05 * (long)p["c"]!;
            var told_ = await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)asked["trialId"]!}/tell", new { value });
            Assert.Equal(HttpStatusCode.OK, told_.StatusCode);
        }
        return id;
    }

    [Fact]
    public async Task Fixed_values_cut_the_maps_and_the_next_candidate_is_what_ask_returns()
    {
        var id = await StudyWithTrialsAsync(5);

        var slice = await (await client.GetAsync($"/api/studies/{id}/posterior?x=a&y=b&resolution=5&fix.c=4")).JsonAsync();

        Assert.Equal(4, (long)slice["fixedParameters"]!["c"]!);
        Assert.Equal(5, slice["mean"]!.AsArray().Count);
        Assert.Equal("acquisition", (string)slice["nextCandidate"]!["origin"]!);
        var observations = slice["observations"]!.AsArray();
        Assert.Equal(5, observations.Count);
        Assert.All(observations, o => Assert.InRange((double)o!["distance"]!, 0, 1));
        var next = slice["nextCandidate"]!["params"]!;
        var asked = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
        Assert.Equal((double)next["a"]!, (double)asked["params"]!["a"]!);
        Assert.Equal((long)next["c"]!, (long)asked["params"]!["c"]!);

        // The asked trial is now running: the map draws it hollow and the sampler's next one avoids it.
        var withRunning = await (await client.GetAsync($"/api/studies/{id}/posterior?x=a&y=b&resolution=5")).JsonAsync();
        Assert.Equal((int)asked["number"]!, (int)withRunning["runningTrials"]![0]!["number"]!);
        Assert.NotEqual((double)next["a"]!, (double)withRunning["nextCandidate"]!["params"]!["a"]!);
    }

    [Theory]
    [InlineData("fix.c=40", "fix")]
    [InlineData("fix.c=two", "fix")]
    [InlineData("fix.d=1", "fix.d")]
    public async Task Bad_fixed_values_are_400_naming_the_field(string query, string field)
    {
        var id = await StudyWithTrialsAsync(4);

        var response = await client.GetAsync($"/api/studies/{id}/posterior?x=a&y=b&resolution=5&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task A_cancelled_study_has_no_next_candidate()
    {
        var id = await StudyWithTrialsAsync(4);
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/studies/{id}/cancel")).StatusCode);

        var slice = await (await client.GetAsync($"/api/studies/{id}/posterior?x=a&y=b&resolution=5")).JsonAsync();

        Assert.Null(slice["nextCandidate"]);
        Assert.Equal(5, slice["mean"]!.AsArray().Count);
    }
}
