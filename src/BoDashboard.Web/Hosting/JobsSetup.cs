using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage.SQLite;

namespace BoDashboard.Web.Hosting;

/// <summary>Hangfire with SQLite job storage (survives restarts) and a server in this process.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddStudyJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseSQLiteStorage(sp.GetRequiredService<StorageLocations>().HangfireDatabasePath, new SQLiteStorageOptions
            {
                // The default 15 s poll makes a freshly started study wait 15 s for its first trial.
                QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollIntervalSeconds", 1.0)),
            }));
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(1, Environment.ProcessorCount));
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        return services;
    }

    /// <summary>The Hangfire dashboard answers requests from this machine only: it can delete jobs.</summary>
    public static IApplicationBuilder UseLocalJobsDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            AppPath = "/",
            DashboardTitle = "BoDashboard jobs",
        });
}
