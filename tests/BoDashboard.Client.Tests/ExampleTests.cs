using System.Diagnostics;
using BoDashboard.Examples;
using BoDashboard.Tests.Shared;
using BoDashboard.Web.Hosting;

namespace BoDashboard.Client.Tests;

/// <summary>The examples of docs/ask-tell.md run against the real app: the C# one in the test server, the Python one
/// as a python3 process against the app on Kestrel.</summary>
public sealed class ExampleTests
{
    [Fact]
    public async Task CSharp_example_runs_its_budget_without_a_pruner_and_prints_the_best()
    {
        using var factory = new TestDashboardFactory();
        using var client = new BoDashboardClient(factory.CreateClient());
        var output = new StringWriter();

        var (study, best) = await QuadraticStudy.RunAsync(client, ExampleOptions.Parse(["--budget", "10", "--pruner", "none"]), output);

        Assert.Equal(StudyStates.Completed, study.State);
        Assert.Equal(10, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Equal(TrialStates.Complete, t.State)); // no pruner: nothing is pruned
        Assert.Equal(study.Trials.Min(t => t.Value), best.Value);
        Assert.Contains("best: ", output.ToString());
    }

    [PythonFact]
    public async Task Python_example_runs_its_budget_against_a_live_server_with_an_api_key()
    {
        using var factory = new KeyedDashboardFactory();
        var baseAddress = factory.StartOnLoopback();
        var script = Path.Combine(ContentRootLocator.Find(), "docs", "clients", "python", "example.py");
        Assert.True(File.Exists(script), $"{script} is missing");

        var start = new ProcessStartInfo(Python.Executable!)
        {
            ArgumentList = { script, "--url", baseAddress.ToString(), "--api-key", KeyedDashboardFactory.Key, "--budget", "10" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["PYTHONDONTWRITEBYTECODE"] = "1", ["PYTHONUNBUFFERED"] = "1" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"example.py did not finish in 3 minutes\n{await stdout}\n{await stderr}");
        }
        var log = $"exit code {process.ExitCode}\nstdout:\n{await stdout}\nstderr:\n{await stderr}";

        Assert.True(process.ExitCode == 0, log);
        Assert.Contains("best: ", await stdout);
        using var client = new BoDashboardClient(baseAddress, KeyedDashboardFactory.Key);
        var summary = Assert.Single(await client.ListStudiesAsync());
        Assert.Equal("quadratic from python", summary.Name);
        var study = await client.GetStudyAsync(summary.Id);
        Assert.Equal(StudyStates.Completed, study.State);
        Assert.Equal(10, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Contains(t.State, new[] { TrialStates.Complete, TrialStates.Pruned }));
        Assert.NotNull(study.BestValue);
    }
}
