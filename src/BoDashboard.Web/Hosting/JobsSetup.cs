using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using Hangfire;
using Hangfire.Dashboard;

namespace BoDashboard.Web.Hosting;

/// <summary>The web host's study jobs: Hangfire on the configured storage, a server in this process, recovery of
/// studies whose runners died, and the local-only Hangfire dashboard.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddStudyJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStudyJobs(
            sp => sp.GetRequiredService<StorageLocations>().HangfireDatabasePath,
            configuration.GetValue("Hangfire:WorkerCount", Math.Max(1, Environment.ProcessorCount)),
            TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollIntervalSeconds", 1.0)));
        services.AddStudyRecovery();
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
