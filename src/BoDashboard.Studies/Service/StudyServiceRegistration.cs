using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Running;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BoDashboard.Studies.Service;

public static class StudyServiceRegistration
{
    /// <summary>The study service, the scheduler, the Hangfire runner job and the recovery check. Hangfire itself
    /// (storage and server) is configured by the host, and so are, where the defaults do not fit, the trial commands
    /// (<see cref="CommandCatalog"/>), how trial processes start (<see cref="TrialProcessOptions"/>) and where trial
    /// folders live (<see cref="TrialFolders"/>); register those before calling this.</summary>
    public static IServiceCollection AddStudyService(this IServiceCollection services, string? workerName = null, int? torchThreads = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RunnerTimings.Default);
        services.AddSingleton(WorkerIdentity.ForThisProcess(workerName));
        services.AddSingleton<StudyLocks>();
        services.AddSingleton<StudyEvents>();
        services.AddSingleton<StudyRunControl>();
        services.TryAddSingleton<TrialSuggester>();
        services.AddSingleton<TrialScheduler>();
        services.AddSingleton<RunnerLauncher>();
        services.TryAddSingleton(_ => PosteriorGate.ForThisMachine());
        services.TryAddSingleton(sp => Definition.DataRoots.Defaults(sp.GetRequiredService<TrialProcessOptions>().BaseDirectory));
        services.AddSingleton<StudyService>();
        services.TryAddSingleton<IStudyChangeFeed, StudyChangeFeed>();
        services.TryAddSingleton(CommandCatalog.Empty);
        services.TryAddSingleton(_ => new TrialProcessOptions(TrialHost.ForThisProcess(), TrialProcessOptions.DefaultStopGrace, Directory.GetCurrentDirectory()));
        services.TryAddSingleton(_ => new TrialFolders(Path.Combine(Directory.GetCurrentDirectory(), "data", "app")));
        services.AddSingleton<ProcessTrial>();
        services.AddSingleton(new AlexNetObjectiveOptions(torchThreads));
        services.AddSingleton<ObjectiveFactory>();
        services.AddTransient<StudyRunner>();
        services.AddSingleton<Evaluation.EvaluationService>();
        services.AddTransient<Evaluation.EvaluationRunner>();
        return services;
    }

    /// <summary>The background check that restarts studies whose runners died, and the recorder that stores running
    /// trials' progress for pages of other processes; only processes that run jobs need them.</summary>
    public static IServiceCollection AddStudyRecovery(this IServiceCollection services)
    {
        services.AddSingleton<RunnerQueue>();
        services.AddHostedService<StudyRecovery>();
        services.AddHostedService<TrialProgressRecorder>();
        return services;
    }
}
