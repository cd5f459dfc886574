using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Cli.Runs;

/// <summary>The study machinery of one dashboard process (SQLite studies database, Hangfire on SQLite, runners and
/// recovery with the default timings) on a fresh temporary folder, for benchmarks that must not touch real studies.</summary>
public sealed class BenchJobsHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string folder;

    private BenchJobsHost(IHost host, string folder)
    {
        this.host = host;
        this.folder = folder;
    }

    public IServiceProvider Services => host.Services;

    public StudyService Studies => host.Services.GetRequiredService<StudyService>();

    public static async Task<BenchJobsHost> StartAsync(int jobWorkers)
    {
        var folder = Directory.CreateTempSubdirectory("bodashboard-bench-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddStudiesDatabase($"Data Source={Path.Combine(folder, "studies.db")}");
        builder.Services.AddSingleton(new Studies.Processes.TrialFolders(folder));
        builder.Services.AddStudyService($"bench:{Environment.ProcessId}", torchThreads: 1);
        builder.Services.AddStudyJobs(_ => Path.Combine(folder, "hangfire.db"), jobWorkers, TimeSpan.FromSeconds(1), $"bench:{Environment.ProcessId}");
        builder.Services.AddStudyRecovery();
        var host = builder.Build();
        StudiesDatabase.Migrate(host.Services);
        await host.StartAsync();
        return new BenchJobsHost(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        try { await host.StopAsync(TimeSpan.FromSeconds(10)); } catch (OperationCanceledException) { }
        host.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
