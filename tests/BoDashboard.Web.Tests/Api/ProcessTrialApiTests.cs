using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>AlexNet and command trials run in child processes of the dashboard, never inside it.</summary>
public sealed class ProcessTrialApiTests : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client;

    public ProcessTrialApiTests(TestDashboardFactory factory) => client = factory.CreateClient();

    private async Task<System.Text.Json.Nodes.JsonNode> WaitForFinishAsync(int id)
    {
        for (var i = 0; i < 1800; i++)
        {
            var study = await (await client.GetAsync($"/api/studies/{id}")).JsonAsync();
            if ((string)study["state"]! is "completed" or "failed") return study;
            await Task.Delay(100);
        }
        throw new TimeoutException($"study {id} did not finish");
    }

    [Fact]
    public async Task An_alexnet_study_trains_in_child_processes_and_the_dashboard_never_loads_libtorch()
    {
        var definition = new
        {
            name = "alexnet-child",
            objective = new { kind = "alexnet", epochs = 1, trainSubset = 600, batchSize = 64 },
            parameters = new object[] { new { name = "learning_rate", type = "float", low = 0.005, high = 0.02, log = true } },
            sampler = new { name = "random", seed = 0 },
            budget = 1,
        };
        var created = await client.PostJsonAsync("/api/studies", definition);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var study = await WaitForFinishAsync((int)(await created.JsonAsync())["id"]!);

        Assert.Equal("completed", (string)study["state"]!);
        var trial = study["trials"]![0]!;
        Assert.Equal("complete", (string)trial["state"]!);
        Assert.Equal(1, (int)trial["intermediate"]![0]!["step"]!);
        Assert.DoesNotContain(File.ReadLines("/proc/self/maps"), line => line.Contains("libtorch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_command_is_a_400_listing_the_configured_ones()
    {
        var definition = new
        {
            name = "nope", objective = new { kind = "command", command = "no-such-command" },
            parameters = new object[] { new { name = "x", type = "float", low = 0, high = 1 } },
        };
        var response = await client.PostJsonAsync("/api/studies", definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (string)(await response.JsonAsync())["errors"]!["objective.command"]![0]!;
        Assert.Contains("alexnet-cli", message);
        Assert.Contains("python-example", message);
    }

    [Fact]
    public async Task The_shipped_python_example_command_runs_with_intermediate_values_and_a_log()
    {
        var definition = new
        {
            name = "python-example", objective = new { kind = "command", command = "python-example" },
            parameters = new object[]
            {
                new { name = "x", type = "float", low = -1, high = 1 },
                new { name = "y", type = "float", low = -1, high = 1 },
                new { name = "optimizer", type = "categorical", choices = new[] { "sgd", "adam" } },
            },
            sampler = new { name = "random", seed = 1 }, budget = 1,
        };
        var created = await client.PostJsonAsync("/api/studies", definition);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var study = await WaitForFinishAsync((int)(await created.JsonAsync())["id"]!);

        var trial = study["trials"]![0]!;
        Assert.Equal("complete", (string)trial["state"]!);
        Assert.Equal(8, trial["intermediate"]!.AsArray().Count);
        Assert.Contains("validation accuracy", (string)trial["logTail"]!);
    }
}
