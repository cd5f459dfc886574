using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Running;
using BoDashboard.Training.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BoDashboard.Studies.Service;

public static class StudyServiceRegistration
{
    /// <summary>The study service, the scheduler, the Hangfire runner job and the recovery check. Hangfire itself
    /// (storage and server) is configured by the host.</summary>
    public static IServiceCollection AddStudyService(this IServiceCollection services, string? workerName = null, int? torchThreads = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RunnerTimings.Default);
        services.AddSingleton(WorkerIdentity.ForThisProcess(workerName));
        services.AddSingleton<StudyLocks>();
        services.AddSingleton<StudyEvents>();
        services.AddSingleton<StudyRunControl>();
        services.AddSingleton<TrialScheduler>();
        services.AddSingleton<RunnerLauncher>();
        services.AddSingleton<StudyService>();
        services.TryAddSingleton<ITrainer, Trainer>();
        services.AddSingleton(sp => new AlexNetObjectiveOptions(sp.GetRequiredService<ITrainer>(), torchThreads));
        services.AddSingleton<ObjectiveFactory>();
        services.AddTransient<StudyRunner>();
        services.AddSingleton<Evaluation.EvaluationService>();
        services.AddTransient<Evaluation.EvaluationRunner>();
        return services;
    }

    /// <summary>The background check that restarts studies whose runners died; only processes that run jobs need it.</summary>
    public static IServiceCollection AddStudyRecovery(this IServiceCollection services)
    {
        services.AddHostedService<StudyRecovery>();
        return services;
    }
}
