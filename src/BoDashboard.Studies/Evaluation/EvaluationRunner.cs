using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Service;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Evaluation;

/// <summary>The Hangfire job behind one evaluation: retrain on train + validation, test once.</summary>
public sealed class EvaluationRunner(
    IDbContextFactory<StudiesDbContext> dbFactory,
    AlexNetObjectiveOptions options,
    ProcessTrial processes,
    TrialProcessOptions processOptions,
    TrialFolders folders,
    StudyEvents events,
    TimeProvider clock)
{
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    [JobDisplayName("Retrain and test, evaluation {0}")]
    public async Task RunAsync(int evaluationId, CancellationToken shutdown)
    {
        EvaluationEntity evaluation;
        ObjectiveDefinitionAndParams input;
        await using (var db = await dbFactory.CreateDbContextAsync(shutdown))
        {
            evaluation = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evaluationId, shutdown)
                         ?? throw new InvalidOperationException($"evaluation {evaluationId} no longer exists");
            if (evaluation.State != TrialStates.Running) return;
            var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Id == evaluation.StudyId, shutdown);
            input = new(StudyJson.Objective(study), EvaluationService.Details(evaluation).Params.ToDictionary(kv => kv.Key, kv => (object)kv.Value));
        }

        double? accuracy = null;
        string? error = null;
        await options.TrainingGate.WaitAsync(shutdown);
        try
        {
            // In a child process like every trial: the web process never loads libtorch.
            var folder = Path.Combine(folders.Root, $"study-{evaluation.StudyId}", $"evaluation-{evaluationId}");
            var trial = new TrialContext(evaluation.StudyId, -1, input.Params, folder);
            var launch = AlexNetObjective.Launch(processOptions, AlexNetTrialProgram.Arguments(input.Objective, options.Threads, retrainAndTest: true), trial);
            var outcome = AlexNetObjective.DivergenceAsFailure(await processes.RunAsync(launch, SilentTrialReporter.Instance, shutdown));
            accuracy = outcome.Value;
            error = outcome.Error;
        }
        finally
        {
            options.TrainingGate.Release();
        }

        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            await db.Evaluations.Where(e => e.Id == evaluationId).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.State, accuracy is null ? TrialStates.Failed : TrialStates.Complete)
                .SetProperty(e => e.TestAccuracy, accuracy)
                .SetProperty(e => e.Error, error)
                .SetProperty(e => e.FinishedAt, clock.GetUtcNow().UtcDateTime));
        }
        events.Publish(new StudyChange(evaluation.StudyId, StudyChangeKind.StateChanged));
    }

    private sealed record ObjectiveDefinitionAndParams(Definition.ObjectiveDefinition Objective, IReadOnlyDictionary<string, object> Params);
}
