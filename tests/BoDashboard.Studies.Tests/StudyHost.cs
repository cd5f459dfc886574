using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using BoDashboard.Training.Runs;
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

    public static async Task<StudyHost> StartAsync(string folder, ITrainer? trainer = null, int workers = 4, string? workerName = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddStudiesDatabase($"Data Source={Path.Combine(folder, "studies.db")}");
        builder.Services.AddSingleton(FastTimings);
        if (trainer is not null) builder.Services.AddSingleton(trainer);
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
