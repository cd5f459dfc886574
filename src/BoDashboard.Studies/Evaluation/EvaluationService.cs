using System.Text.Json;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Evaluation;

/// <summary>"Retrain best and test": retrains an AlexNet study's best hyperparameters and the tutorial's defaults
/// (lr 0.01, wd 0.0005) on train + validation and measures both on the test split, as Hangfire jobs.</summary>
public sealed class EvaluationService(IDbContextFactory<StudiesDbContext> dbFactory, StudyService studies, IBackgroundJobClient jobs, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, double> Defaults = new Dictionary<string, double>
    {
        ["learning_rate"] = 0.01,
        ["weight_decay"] = 0.0005,
    };

    public async Task<IReadOnlyList<EvaluationDetails>> StartRetrainAsync(int studyId, CancellationToken ct = default)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study.Objective.Kind != ObjectiveDefinition.AlexNet)
            throw new StudyOperationException(StudyErrorKind.Conflict, "only AlexNet studies can be retrained and tested");
        var best = study.BestTrialNumber is { } n ? study.Trials.Single(t => t.Number == n)
            : throw new StudyOperationException(StudyErrorKind.Conflict, $"study {studyId} has no completed trial yet");
        var bestParams = best.Params.ToDictionary(kv => kv.Key, kv => Convert.ToDouble(kv.Value, System.Globalization.CultureInfo.InvariantCulture));
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new[]
        {
            new EvaluationEntity { StudyId = studyId, Label = "best", ParamsJson = StudyJson.Serialize(bestParams), CreatedAt = now },
            new EvaluationEntity { StudyId = studyId, Label = "defaults", ParamsJson = StudyJson.Serialize(Defaults), CreatedAt = now },
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Evaluations.AddRange(rows);
            await db.SaveChangesAsync(ct);
        }
        foreach (var row in rows) jobs.Enqueue<EvaluationRunner>(r => r.RunAsync(row.Id, CancellationToken.None));
        return await ListAsync(studyId, ct);
    }

    public async Task<IReadOnlyList<EvaluationDetails>> ListAsync(int studyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Evaluations.AsNoTracking().Where(e => e.StudyId == studyId).OrderBy(e => e.Id).ToListAsync(ct);
        return rows.Select(Details).ToList();
    }

    internal static EvaluationDetails Details(EvaluationEntity e) => new(
        e.Id, e.Label, JsonSerializer.Deserialize<Dictionary<string, double>>(e.ParamsJson, StudyJson.Options)!, e.State,
        e.TestAccuracy, e.Error, e.CreatedAt, e.FinishedAt);
}
