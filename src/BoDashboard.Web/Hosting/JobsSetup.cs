using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using Hangfire;
using BoDashboard.Web.Security;

namespace BoDashboard.Web.Hosting;

/// <summary>The services every role shares: storage (SQLite or PostgreSQL, from configuration), the study service,
/// Hangfire (a job server only where trials run) and recovery of studies whose runners died.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddStudies(this IServiceCollection services, IConfiguration configuration, string contentRoot, ProcessRole role)
    {
        var locations = StorageLocations.From(configuration, contentRoot);
        if (locations.Provider == StorageProvider.Sqlite && role != ProcessRole.All)
            throw new InvalidOperationException("separate web and worker processes need a shared server: set Storage:Provider to PostgreSql");
        services.AddSingleton(sp => StorageLocations.From(sp.GetRequiredService<IConfiguration>(), contentRoot));
        services.AddStudiesDatabase(locations.Provider, sp => sp.GetRequiredService<StorageLocations>().StudiesConnectionString);
        services.AddTrialProcesses(configuration, contentRoot);
        services.AddSingleton(RunnerTimingsFrom(configuration));
        services.AddStudyService(configuration["Worker:Name"]);
        var workers = role == ProcessRole.Web ? 0 : configuration.GetValue("Hangfire:WorkerCount", Math.Max(1, Environment.ProcessorCount));
        services.AddStudyJobs(locations.Provider, sp => sp.GetRequiredService<StorageLocations>().HangfireStorage, workers,
            TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollIntervalSeconds", 1.0)), configuration["Worker:Name"]);
        if (role != ProcessRole.Web) services.AddStudyRecovery();
        return services;
    }

    /// <summary>Lease timings (Runner:HeartbeatIntervalSeconds, Runner:HeartbeatTimeoutSeconds, Runner:RecoveryIntervalSeconds);
    /// the defaults suit most set-ups, shorter ones make a killed worker's trials come back sooner (the chaos test).</summary>
    private static RunnerTimings RunnerTimingsFrom(IConfiguration configuration)
    {
        var d = RunnerTimings.Default;
        TimeSpan Read(string key, TimeSpan fallback)
        {
            var seconds = configuration.GetValue($"Runner:{key}", fallback.TotalSeconds);
            if (!(seconds > 0)) throw new InvalidOperationException($"Runner:{key} must be a positive number of seconds, not {seconds}");
            return TimeSpan.FromSeconds(seconds);
        }
        var timings = new RunnerTimings(Read("HeartbeatIntervalSeconds", d.HeartbeatInterval), Read("HeartbeatTimeoutSeconds", d.HeartbeatTimeout),
            Read("RecoveryIntervalSeconds", d.RecoveryInterval));
        if (timings.HeartbeatTimeout < 2 * timings.HeartbeatInterval)
            throw new InvalidOperationException("Runner:HeartbeatTimeoutSeconds must be at least twice Runner:HeartbeatIntervalSeconds, or one slow heartbeat loses a live trial");
        return timings;
    }

    /// <summary>The Hangfire dashboard (it can delete jobs): for whoever signed in when a password is set, else for
    /// requests from this machine only (<see cref="JobsDashboardAccess"/>).</summary>
    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new JobsDashboardAccess(app.ApplicationServices.GetRequiredService<DashboardSecrets>())],
            AppPath = "/",
            DashboardTitle = "BoDashboard jobs",
        });
}
