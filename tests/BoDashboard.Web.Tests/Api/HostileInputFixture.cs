using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BoDashboard.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Web.Tests.Api;

/// <summary>A dashboard with two external studies to aim bad requests at: study <see cref="Study"/> has a running asked
/// trial (<see cref="Running"/>, one reported step) and a completed one (<see cref="Told"/>); study <see cref="Other"/>
/// has a running trial of its own (<see cref="OtherRunning"/>). Errors the host logs are kept, so a test can tell a
/// refused request from one that blew up and was turned into a 500.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public LoggingDashboardFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public int Study { get; private set; }
    public int Running { get; private set; }
    public int Told { get; private set; }
    public int Other { get; private set; }
    public int OtherRunning { get; private set; }

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        Study = await CreateAsync("hostile-target");
        Told = await AskAsync(Study);
        await Client.PostRawAsync($"/api/studies/{Study}/trials/{Told}/tell", """{"value": 1.5}""");
        Running = await AskAsync(Study);
        await Client.PostRawAsync($"/api/studies/{Study}/trials/{Running}/report", """{"step": 3, "value": 2.5}""");
        Other = await CreateAsync("hostile-other");
        OtherRunning = await AskAsync(Other);
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>What a client sees of the studies: a bad request must leave this exactly as it was.</summary>
    public async Task<string> SnapshotAsync() =>
        await Client.GetStringAsync($"/api/studies/{Study}") + "\n" + await Client.GetStringAsync($"/api/studies/{Other}")
        + "\n" + (await Client.GetStringAsync("/api/studies")).Length;

    /// <summary>Replaces {study}, {running}, {told}, {other} and {otherRunning} in a request's URL or body.</summary>
    public string Fill(string text) => text
        .Replace("{study}", Study.ToString()).Replace("{running}", Running.ToString()).Replace("{told}", Told.ToString())
        .Replace("{otherRunning}", OtherRunning.ToString()).Replace("{other}", Other.ToString());

    private async Task<int> CreateAsync(string name)
    {
        var body = $$"""
            {"name": "{{name}}", "direction": "minimize", "objective": {"kind": "external"},
             "parameters": [{"name": "x", "type": "float", "low": 0, "high": 1},
                            {"name": "n", "type": "int", "low": 1, "high": 8},
                            {"name": "opt", "type": "categorical", "choices": ["sgd", "adam"]}],
             "sampler": {"name": "gp-ei", "initialPoints": 2, "seed": 1}, "budget": 20}
            """;
        return (int)(await (await Client.PostRawAsync("/api/studies", body)).JsonAsync())["id"]!;
    }

    private async Task<int> AskAsync(int study) =>
        (int)(await (await Client.PostEmptyAsync($"/api/studies/{study}/ask")).JsonAsync())["trialId"]!;
}

/// <summary>The test dashboard with every log entry of level Error or above kept in <see cref="Errors"/>.</summary>
public sealed class LoggingDashboardFactory : TestDashboardFactory
{
    public ConcurrentQueue<string> Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new ErrorCollector(Errors)));
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Named(errors, categoryName);
        public void Dispose() { }

        private sealed class Named(ConcurrentQueue<string> errors, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}

/// <summary>Reads a JSON body without failing on an empty one (some error answers have none).</summary>
internal static class ProblemBodies
{
    public static JsonNode? TryParse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
