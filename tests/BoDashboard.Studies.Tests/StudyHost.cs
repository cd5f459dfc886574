using System.Reflection;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Studies.Tests;

/// <summary>A process's worth of study machinery — EF Core on a SQLite file, a real Hangfire server on another
/// SQLite file, the runner and recovery — with short timings. Two hosts on the same folder model a restart.</summary>
public sealed class StudyHost : IAsyncDisposable
{
    public static readonly RunnerTimings FastTimings = new(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));

    private readonly IHost host;

    private StudyHost(IHost host) => this.host = host;

    public StudyService Studies => host.Services.GetRequiredService<StudyService>();

    public IServiceProvider Services => host.Services;

    /// <summary>The CLI (built before the tests) answers the trial verbs; the test runner itself cannot.</summary>
    public static TrialHost CliHost { get; } = TrialHost.ForAssembly(typeof(StudyHost).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliAssembly").Value!);

    /// <summary>Where trial folders of a host on <paramref name="folder"/> live.</summary>
    public static string TrialsFolder(string folder) => new TrialFolders(Path.Combine(folder, "data")).Root;

    public static async Task<StudyHost> StartAsync(string folder, int workers = 4, string? workerName = null,
        IReadOnlyDictionary<string, CommandDefinition>? commands = null, TimeSpan? stopGrace = null,
        TimeProvider? clock = null, TrialSuggester? suggester = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddStudiesDatabase($"Data Source={Path.Combine(folder, "studies.db")}");
        builder.Services.AddSingleton(FastTimings);
        // This process's clock (a skewed one models a worker on another machine) and how it makes suggestions.
        if (clock is not null) builder.Services.AddSingleton(clock);
        if (suggester is not null) builder.Services.AddSingleton(suggester);
        builder.Services.AddSingleton(new CommandCatalog(commands ?? new Dictionary<string, CommandDefinition>()));
        builder.Services.AddSingleton(new TrialProcessOptions(CliHost, stopGrace ?? TimeSpan.FromSeconds(2), AppContext.BaseDirectory));
        builder.Services.AddSingleton(new TrialFolders(Path.Combine(folder, "data")));
        builder.Services.AddStudyService(workerName, torchThreads: 1);
        builder.Services.AddStudyJobs(_ => Path.Combine(folder, "hangfire.db"), workers, TimeSpan.FromMilliseconds(200), workerName);
        builder.Services.AddStudyRecovery();
        var host = builder.Build();
        StudiesDatabase.Migrate(host.Services);
        await host.StartAsync();
        return new StudyHost(host);
    }

    public async Task<StudyDetails> WaitForAsync(int studyId, Func<StudyDetails, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var study = await Studies.GetAsync(studyId);
            if (condition(study)) return study;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"study {studyId} is {study.State} with {study.Trials.Count} trials ({string.Join(", ", study.Trials.Select(t => t.State))}) after {timeout}");
            await Task.Delay(100);
        }
    }

    public Task<StudyDetails> WaitForStateAsync(int studyId, string state, TimeSpan timeout) =>
        WaitForAsync(studyId, s => s.State == state, timeout);

    public async Task StopAsync() => await host.StopAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        try { await host.StopAsync(TimeSpan.FromSeconds(10)); } catch (OperationCanceledException) { }
        host.Dispose();
    }
}
