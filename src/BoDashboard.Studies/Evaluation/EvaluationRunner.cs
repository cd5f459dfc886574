using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Evaluation;

/// <summary>The Hangfire job behind one evaluation: retrain on train + validation, test once.</summary>
public sealed class EvaluationRunner(IDbContextFactory<StudiesDbContext> dbFactory, AlexNetObjectiveOptions options, StudyEvents events, TimeProvider clock)
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
            var settings = AlexNetObjective.Settings(input.Objective, input.Params, options.Threads);
            var result = await Task.Factory.StartNew(() => options.Trainer.RetrainAndTest(settings, null, shutdown),
                shutdown, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            accuracy = result.TestAccuracy;
            if (accuracy is null) error = $"diverged: {result.Training.DivergenceMessage}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
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
