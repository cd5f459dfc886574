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
        var ids = new[] { await CreateAsync(studyId, "best", Numeric(best.Params), ct), await CreateAsync(studyId, "defaults", Defaults, ct) };
        foreach (var id in ids) jobs.Enqueue<EvaluationRunner>(r => r.RunAsync(id, CancellationToken.None));
        return await ListAsync(studyId, ct);
    }

    /// <summary>Records an evaluation to run; <see cref="EvaluationRunner.RunAsync"/> runs it (as a job, or directly).</summary>
    public async Task<int> CreateAsync(int studyId, string label, IReadOnlyDictionary<string, double> parameters, CancellationToken ct = default)
    {
        var row = new EvaluationEntity { StudyId = studyId, Label = label, ParamsJson = StudyJson.Serialize(parameters), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Evaluations.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public static IReadOnlyDictionary<string, double> Numeric(IReadOnlyDictionary<string, object> parameters) =>
        parameters.ToDictionary(kv => kv.Key, kv => Convert.ToDouble(kv.Value, System.Globalization.CultureInfo.InvariantCulture));

    public async Task<IReadOnlyList<EvaluationDetails>> ListAsync(int studyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Evaluations.AsNoTracking().Where(e => e.StudyId == studyId).OrderBy(e => e.Id).ToListAsync(ct);
        // No rows for a study that does not exist is a 404, not an empty list that looks like "not retrained yet".
        if (rows.Count == 0 && !await db.Studies.AnyAsync(s => s.Id == studyId, ct)) throw StudyOperationException.StudyNotFound(studyId);
        return rows.Select(Details).ToList();
    }

    internal static EvaluationDetails Details(EvaluationEntity e) => new(
        e.Id, e.Label, JsonSerializer.Deserialize<Dictionary<string, double>>(e.ParamsJson, StudyJson.Options)!, e.State,
        e.TestAccuracy, e.Error, e.CreatedAt, e.FinishedAt);
}
