using System.Net;
using System.Text.Json.Nodes;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>A study chooses what gp-ei assumes for its running trials, and its asks follow the choice.</summary>
public sealed class PendingStrategyApiTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static JsonObject Branin(string? pending)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiClient.BraninExternal(3)))!.AsObject();
        if (pending is not null) body["sampler"]!["pending"] = pending;
        return body;
    }

    /// <summary>Five told trials, then three asks in a row without a tell: the second and third see pending trials.</summary>
    private async Task<(JsonNode Study, List<(double X1, double X2)> Batch)> BatchAsync(string? pending)
    {
        var created = await client.PostRawAsync("/api/studies", Branin(pending).ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.JsonAsync())["id"]!;
        for (var i = 0; i < 5; i++)
        {
            var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
            var value = ApiClient.Branin((double)ask["params"]!["x1"]!, (double)ask["params"]!["x2"]!);
            await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value });
        }
        var batch = new List<(double, double)>();
        for (var i = 0; i < 3; i++)
        {
            var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
            batch.Add(((double)ask["params"]!["x1"]!, (double)ask["params"]!["x2"]!));
        }
        return (await (await client.GetAsync($"/api/studies/{id}")).JsonAsync(), batch);
    }

    [Fact]
    public async Task The_pending_strategy_is_stored_and_changes_the_proposals_made_while_trials_run()
    {
        var (believerStudy, believer) = await BatchAsync(null);
        var (optimistStudy, optimist) = await BatchAsync("Optimist");

        Assert.Equal("believer", (string)believerStudy["sampler"]!["pending"]!);
        Assert.Equal("optimist", (string)optimistStudy["sampler"]!["pending"]!);
        // Nothing pending at the first ask of the batch: the same point; with trials pending the strategies differ.
        Assert.Equal(believer[0], optimist[0]);
        Assert.NotEqual(believer.Skip(1), optimist.Skip(1));
    }

    [Fact]
    public async Task A_thompson_study_asks_its_first_trial_as_the_believer_and_then_draws()
    {
        var (_, believer) = await BatchAsync(null);
        var (thompsonStudy, thompson) = await BatchAsync("thompson");

        Assert.Equal("thompson", (string)thompsonStudy["sampler"]!["pending"]!);
        Assert.Equal(believer[0], thompson[0]);
        Assert.NotEqual(believer.Skip(1), thompson.Skip(1));
    }
}
