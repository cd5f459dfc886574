using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Intermediate values of asked trials: POST .../report, tell "pruned", and what the API refuses.</summary>
public sealed class ReportApiTests : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client;

    public ReportApiTests(TestDashboardFactory factory) => client = factory.CreateClient();

    private async Task<(int Study, int Trial)> AskAsync()
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(3))).JsonAsync())["id"]!;
        var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
        return (id, (int)ask["trialId"]!);
    }

    [Fact]
    public async Task Reported_values_are_stored_answered_with_shouldPrune_and_appear_in_the_trial_and_the_csv()
    {
        var (id, trial) = await AskAsync();

        foreach (var (step, value) in new[] { (0, 30.5), (1, 12.25), (4, 3.5) })
        {
            var response = await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/report", new { step, value });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False((bool)(await response.JsonAsync())["shouldPrune"]!);
        }
        await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/tell", new { value = 3.25 });

        var stored = (await (await client.GetAsync($"/api/studies/{id}")).JsonAsync())["trials"]![0]!["intermediate"]!.AsArray();
        Assert.Equal([0, 1, 4], stored.Select(v => (int)v!["step"]!));
        Assert.Equal([30.5, 12.25, 3.5], stored.Select(v => (double)v!["value"]!));
        var csv = await client.GetStringAsync($"/api/studies/{id}/trials.csv");
        Assert.Contains("intermediate_values", csv.Split('\n')[0]);
        Assert.Contains("0:30.5;1:12.25;4:3.5", csv);
    }

    [Fact]
    public async Task A_repeated_or_decreasing_step_is_a_conflict_and_bad_input_is_a_validation_problem()
    {
        var (id, trial) = await AskAsync();
        var url = $"/api/studies/{id}/trials/{trial}/report";
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(url, new { step = 2, value = 1.0 })).StatusCode);

        var repeated = await client.PostJsonAsync(url, new { step = 2, value = 0.5 });
        Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);
        Assert.Contains("steps must increase", (string)(await repeated.JsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostJsonAsync(url, new { step = 1, value = 0.5 })).StatusCode);

        var negative = await client.PostJsonAsync(url, new { step = -1, value = 0.5 });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.NotNull((await negative.JsonAsync())["errors"]!["step"]);
        var noValue = await client.PostJsonAsync(url, new { step = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.NotNull((await noValue.JsonAsync())["errors"]!["value"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync($"/api/studies/{id}/trials/999999/report", new { step = 1, value = 1.0 })).StatusCode);
    }

    [Fact]
    public async Task A_pruned_tell_keeps_the_last_reported_value_and_needs_one()
    {
        var (id, trial) = await AskAsync();
        var early = await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/tell", new { state = "pruned" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("reported no intermediate value", (string)(await early.JsonAsync())["detail"]!);

        await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/report", new { step = 1, value = 40.0 });
        await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/report", new { step = 2, value = 20.0 });
        var told = await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/tell", new { state = "pruned" });

        Assert.Equal(HttpStatusCode.OK, told.StatusCode);
        var body = await told.JsonAsync();
        Assert.Equal("pruned", (string)body["state"]!);
        Assert.Equal(20.0, (double)body["value"]!);
        var after = await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/report", new { step = 3, value = 10.0 });
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Fact]
    public async Task Trials_the_server_runs_itself_take_no_reports_or_tells_from_outside()
    {
        var definition = new
        {
            name = "server-run", objective = new { kind = "analytic", function = "seed-1d", delaySeconds = 30 },
            sampler = new { name = "random", seed = 0 }, budget = 2,
        };
        var id = (int)(await (await client.PostJsonAsync("/api/studies", definition)).JsonAsync())["id"]!;
        int? trial = null;
        for (var i = 0; i < 100 && trial is null; i++)
        {
            var trials = (await (await client.GetAsync($"/api/studies/{id}")).JsonAsync())["trials"]!.AsArray();
            if (trials.Count > 0) trial = (int)trials[0]!["id"]!;
            else await Task.Delay(100);
        }
        Assert.NotNull(trial);

        var report = await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/report", new { step = 1, value = 1.0 });
        var tell = await client.PostJsonAsync($"/api/studies/{id}/trials/{trial}/tell", new { value = 1.0 });

        Assert.Equal(HttpStatusCode.Conflict, report.StatusCode);
        Assert.Contains("run by the server", (string)(await report.JsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.Conflict, tell.StatusCode);
        await client.PostEmptyAsync($"/api/studies/{id}/cancel");
    }
}
