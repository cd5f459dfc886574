using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Service;
using BoDashboard.Training.Datasets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BoDashboard.Cli.Experiments;

/// <summary>The study machinery in the CLI process, on the dashboard's own database and job storage (the top-level
/// appsettings.json decides where), so studies started here are ordinary studies that the dashboard shows live.</summary>
public static class StudyHost
{
    public static IHost Build(int? torchThreads)
    {
        var root = DataPaths.RepositoryRoot(Directory.GetCurrentDirectory()) ?? DataPaths.RepositoryRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, Args = [] });
        builder.Logging.ClearProviders();
        var locations = StorageLocations.From(builder.Configuration, root);
        builder.Services.AddSingleton(locations);
        builder.Services.AddStudiesDatabase(locations.Provider, _ => locations.StudiesConnectionString);
        builder.Services.AddTrialProcesses(builder.Configuration, root);
        builder.Services.AddStudyService($"cli:{Environment.MachineName}:{Environment.ProcessId}", torchThreads);
        // One worker: this process trains one trial at a time anyway.
        builder.Services.AddStudyJobs(locations.Provider, _ => locations.HangfireStorage, workerCount: 1, TimeSpan.FromSeconds(1), $"cli:{Environment.ProcessId}");
        builder.Services.AddStudyRecovery();
        var host = builder.Build();
        StudiesDatabase.Migrate(host.Services);
        return host;
    }
}
