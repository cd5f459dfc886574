using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Running;

/// <summary>Hangfire with SQLite job storage (queued work survives a restart) and a job server in this process.</summary>
public static class StudyJobsSetup
{
    public static IServiceCollection AddStudyJobs(this IServiceCollection services, Func<IServiceProvider, string> sqliteFile,
        int workerCount, TimeSpan queuePollInterval, string? serverName = null)
    {
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseSQLiteStorage(EnsureFolder(sqliteFile(sp)), new SQLiteStorageOptions
            {
                // The default 15 s poll makes a freshly started study wait 15 s for its first trial.
                QueuePollInterval = queuePollInterval,
            }));
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = workerCount;
            options.ServerName = serverName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        return services;
    }

    private static string EnsureFolder(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return file;
    }
}
