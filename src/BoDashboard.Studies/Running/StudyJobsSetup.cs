using BoDashboard.Studies.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Running;

/// <summary>Hangfire on the configured storage (SQLite file or PostgreSQL; queued work survives a restart) and,
/// for processes that run trials, a job server.</summary>
public static class StudyJobsSetup
{
    public static IServiceCollection AddStudyJobs(this IServiceCollection services, Func<IServiceProvider, string> sqliteFile,
        int workerCount, TimeSpan queuePollInterval, string? serverName = null) =>
        services.AddStudyJobs(StorageProvider.Sqlite, sqliteFile, workerCount, queuePollInterval, serverName);

    /// <param name="workerCount">Jobs this process runs at once; 0 for a process that only enqueues (the web role).</param>
    public static IServiceCollection AddStudyJobs(this IServiceCollection services, StorageProvider provider, Func<IServiceProvider, string> storage,
        int workerCount, TimeSpan queuePollInterval, string? serverName = null)
    {
        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (provider == StorageProvider.PostgreSql)
            {
                var connection = storage(sp);
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection), new PostgreSqlStorageOptions
                {
                    QueuePollInterval = queuePollInterval,
                    PrepareSchemaIfNecessary = true,
                });
            }
            else
            {
                config.UseSQLiteStorage(EnsureFolder(storage(sp)), new SQLiteStorageOptions
                {
                    // The default 15 s poll makes a freshly started study wait 15 s for its first trial.
                    QueuePollInterval = queuePollInterval,
                });
            }
        });
        if (workerCount > 0)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = workerCount;
                options.ServerName = serverName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        return services;
    }

    private static string EnsureFolder(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return file;
    }
}
