using BoDashboard.Optimization;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Processes;
using BoDashboard.Studies.Running;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Service;

/// <summary>The one entry point to studies for the UI, the REST API and the CLI: create, control, read, export,
/// ask/tell and posterior slices. Runner jobs go through the same scheduler.</summary>
public sealed partial class StudyService(
    IDbContextFactory<StudiesDbContext> dbFactory,
    TrialScheduler scheduler,
    RunnerLauncher launcher,
    StudyRunControl control,
    StudyEvents events,
    CommandCatalog commands,
    TrialFolders folders,
    TimeProvider clock,
    PosteriorGate posteriorGate,
    DataRoots dataRoots)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every problem of a definition, including the server's own (a command that is not configured): what the
    /// API and the New study form report.</summary>
    public IReadOnlyList<Optimization.Space.ValidationError> Validate(StudyDefinition? definition)
    {
        var errors = StudyValidator.Validate(definition).ToList();
        if (definition?.Objective is { Kind: ObjectiveDefinition.CommandKind, Command: { Length: > 0 } command })
            errors.AddRange(commands.Validate(command, definition.Parameters ?? []));
        if (definition?.Objective is { } objective) errors.AddRange(OutsideDataRoots(objective));
        return errors;
    }

    /// <summary>A dataset folder, or the working directory of the configured command, outside the data roots.</summary>
    private IEnumerable<Optimization.Space.ValidationError> OutsideDataRoots(ObjectiveDefinition objective) =>
        objective.Kind switch
        {
            ObjectiveDefinition.AlexNet => dataRoots.Check("objective.datasetPath", objective.DatasetPath),
            ObjectiveDefinition.CommandKind when commands.Find(objective.Command)?.WorkingDirectory is { Length: > 0 } folder =>
                dataRoots.Check("objective.command", folder, $"the working directory of command '{objective.Command}'"),
            _ => [],
        };

    /// <summary>Validates and stores a study; one that is not external starts running at once.</summary>
    public Task<StudyDetails> CreateAsync(StudyDefinition definition, CancellationToken ct = default) =>
        CreateAsync(definition, comparedWith: null, ct);

    /// <summary>Creates a study whose convergence is drawn with <paramref name="comparedWith"/>'s (a sampler comparison).</summary>
    public async Task<StudyDetails> CreateAsync(StudyDefinition definition, int? comparedWith, CancellationToken ct = default)
    {
        var validated = StudyValidator.ValidateOrThrow(definition);
        var d = validated.Definition;
        if (d.Objective.Kind == ObjectiveDefinition.CommandKind)
        {
            var problems = commands.Validate(d.Objective.Command, d.Parameters).ToList();
            if (problems.Count > 0) throw new StudyValidationException(problems);
        }
        var outside = OutsideDataRoots(d.Objective).ToList();
        if (outside.Count > 0) throw new StudyValidationException(outside);
        var now = Now;
        var entity = new StudyEntity
        {
            Name = d.Name.Trim(),
            Direction = d.Direction!,
            ObjectiveJson = StudyJson.Serialize(d.Objective),
            SearchSpaceJson = StudyJson.Serialize(d.Parameters),
            SamplerJson = StudyJson.Serialize(d.Sampler),
            PrunerJson = StudyJson.Serialize(d.Pruner),
            Budget = d.Budget,
            Parallelism = d.Parallelism,
            MaxConsecutiveFailures = d.MaxConsecutiveFailures,
            State = StudyStates.Running,
            CreatedAt = now,
            UpdatedAt = now,
            StartedAt = now,
            ComparedWithStudyId = comparedWith,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Studies.Add(entity);
            await db.SaveChangesAsync(ct);
        }
        if (d.Objective.Kind != ObjectiveDefinition.External) await launcher.EnqueueRunnersAsync(entity.Id, ct);
        events.Publish(new StudyChange(entity.Id, StudyChangeKind.Created));
        return await GetAsync(entity.Id, ct);
    }

    public async Task<StudyDetails> DuplicateAsync(int id, CancellationToken ct = default)
    {
        var study = await LoadAsync(id, ct);
        return await CreateAsync(StudyJson.Definition(study) with { Name = $"{study.Name} (copy)" }, ct);
    }

    public async Task<IReadOnlyList<StudySummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Studies
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new
            {
                s.Id, s.Name, s.ObjectiveJson, s.SamplerJson, s.Direction, s.State, s.Budget, s.CreatedAt,
                Finished = s.Trials.Count(t => t.State != TrialStates.Running),
                Max = s.Trials.Where(t => t.State == TrialStates.Complete).Max(t => t.Value),
                Min = s.Trials.Where(t => t.State == TrialStates.Complete).Min(t => t.Value),
            })
            .ToListAsync(ct);
        return rows.Select(r => new StudySummary(
            r.Id, r.Name, StudyDocuments.ObjectiveLabel(r.ObjectiveJson), StudyDocuments.SamplerName(r.SamplerJson),
            r.Direction, r.State, r.Finished, r.Budget, r.Direction == "minimize" ? r.Min : r.Max, r.CreatedAt)).ToList();
    }

    public async Task<StudyDetails> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
                    ?? throw StudyOperationException.StudyNotFound(id);
        var trials = await db.Trials.AsNoTracking().Where(t => t.StudyId == id).OrderBy(t => t.Number).ToListAsync(ct);
        var curves = (await db.IntermediateValues.AsNoTracking().Where(v => v.Trial!.StudyId == id).OrderBy(v => v.Step).ToListAsync(ct))
            .ToLookup(v => v.TrialId, StudyJson.Intermediate);
        var validated = StudyJson.Validated(study);
        var details = trials.Select(t => Details(t, validated, curves[t.Id].ToList())).ToList();
        var best = Best(details, validated.Direction);
        var d = validated.Definition;
        var (run, withoutPruning) = Compute(details);
        return new StudyDetails(study.Id, study.Name, study.State, study.Direction, d.Objective, d.Parameters, d.Sampler!,
            study.Budget, study.Parallelism, study.MaxConsecutiveFailures, study.FailureReason, study.CreatedAt, study.StartedAt,
            study.FinishedAt, study.UpdatedAt, best?.Number, best?.Value, details, d.Pruner, run, withoutPruning);
    }

    public async Task<BestTrialExport> BestAsync(int id, CancellationToken ct = default)
    {
        var study = await GetAsync(id, ct);
        var best = study.BestTrialNumber is { } n ? study.Trials.Single(t => t.Number == n) : null;
        if (best is null) throw new StudyOperationException(StudyErrorKind.Conflict, $"study {id} has no completed trial yet");
        return new BestTrialExport(study.Name, study.Objective, study.Direction, best.Number, best.Value!.Value, best.Params, study.Parameters, Now);
    }

    public async Task PauseAsync(int id, CancellationToken ct = default)
    {
        await ChangeStateAsync(id, [StudyStates.Running, StudyStates.Pending], StudyStates.Paused, ct);
        control.Interrupt(id);
    }

    public async Task ResumeAsync(int id, CancellationToken ct = default)
    {
        await ChangeStateAsync(id, [StudyStates.Paused], StudyStates.Running, ct);
        var study = await LoadAsync(id, ct);
        if (StudyJson.Objective(study).Kind != ObjectiveDefinition.External) await launcher.EnqueueRunnersAsync(id, ct);
    }

    /// <summary>Stops a study for good; its running trials are pruned.</summary>
    public async Task CancelAsync(int id, CancellationToken ct = default)
    {
        await ChangeStateAsync(id, [StudyStates.Running, StudyStates.Pending, StudyStates.Paused], StudyStates.Cancelled, ct);
        control.Interrupt(id);
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        control.Interrupt(id);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Studies.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        if (deleted == 0) throw StudyOperationException.StudyNotFound(id);
        folders.DeleteStudy(id);
        events.Publish(new StudyChange(id, StudyChangeKind.Deleted));
    }

    private async Task ChangeStateAsync(int id, string[] from, string to, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await StudyRowLock.LockAsync(db, id, ct);
            var study = await db.Studies.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw StudyOperationException.StudyNotFound(id);
            if (!from.Contains(study.State))
                throw new StudyOperationException(StudyErrorKind.Conflict, $"study {id} is {study.State}; it cannot become {to}");
            var now = Now;
            study.State = to;
            study.UpdatedAt = now;
            if (to == StudyStates.Cancelled)
            {
                study.FinishedAt = now;
                await db.Trials.Where(t => t.StudyId == id && t.State == TrialStates.Running).ExecuteUpdateAsync(u => u
                    .SetProperty(t => t.State, TrialStates.Cancelled)
                    .SetProperty(t => t.Error, "study cancelled")
                    .SetProperty(t => t.FinishedAt, now), ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        events.Publish(new StudyChange(id, StudyChangeKind.StateChanged));
    }

    /// <summary>Hands out the next trial of a study to an external caller.</summary>
    public async Task<TrialDetails> AskAsync(int id, CancellationToken ct = default)
    {
        var study = await LoadAsync(id, ct);
        var claim = await scheduler.AskAsync(id, ct)
                    ?? throw new StudyOperationException(StudyErrorKind.Conflict, study.State != StudyStates.Running
                        ? $"study {id} is {study.State}; only a running study hands out trials"
                        : $"study {id} has used its budget of {study.Budget} trials");
        return await TrialDetailsAsync(study, claim.TrialId, ct);
    }

    /// <summary>Stores an intermediate value of an asked trial; the answer says whether the caller should stop it.</summary>
    public async Task<ReportResult> ReportAsync(int id, int trialId, IntermediateValue value, CancellationToken ct = default)
    {
        var trial = await LoadAskedTrialAsync(id, trialId, ct);
        var result = await scheduler.ReportAsync(id, trialId, trial.LeaseToken, value, ct);
        return result.Status switch
        {
            ReportStatus.Stored => result,
            ReportStatus.StepNotIncreasing => throw new StudyOperationException(StudyErrorKind.Conflict,
                $"trial {trial.Number} already reported step {result.LastStep}; steps must increase"),
            _ => throw new StudyOperationException(StudyErrorKind.Conflict, $"trial {trial.Number} is no longer running"),
        };
    }

    /// <summary>Records the value of an asked trial, its failure, or that it was pruned (its last intermediate value
    /// then stands for it).</summary>
    public async Task<TrialDetails> TellAsync(int id, int trialId, double? value, string? error, CancellationToken ct = default, bool pruned = false)
    {
        var trial = await LoadAskedTrialAsync(id, trialId, ct);
        var claim = new ClaimedTrial(id, trial.Id, trial.Number, new Dictionary<string, object>(), Rerun: false, trial.LeaseToken);
        ObjectiveOutcome outcome;
        if (pruned)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var last = await db.IntermediateValues.AsNoTracking().Where(v => v.TrialId == trialId).OrderByDescending(v => v.Step).FirstOrDefaultAsync(ct)
                       ?? throw new StudyOperationException(StudyErrorKind.Conflict,
                           $"trial {trial.Number} reported no intermediate value; a pruned trial stops at its last reported step");
            outcome = ObjectiveOutcome.PrunedAt(StudyJson.Intermediate(last));
        }
        else
        {
            outcome = value is { } v ? ObjectiveOutcome.Success(v) : ObjectiveOutcome.Failure(error ?? "reported failed");
        }
        if (!await scheduler.FinishAsync(claim, outcome, ct))
            throw new StudyOperationException(StudyErrorKind.Conflict, $"trial {trial.Number} is already finished");
        return await TrialDetailsAsync(await LoadAsync(id, ct), trialId, ct);
    }

    /// <summary>One trial of a study, read alone: a long study's ask and tell should not re-read its thousands of trials.</summary>
    private async Task<TrialDetails> TrialDetailsAsync(StudyEntity study, int trialId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trial = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == trialId && t.StudyId == study.Id, ct);
        var curve = await db.IntermediateValues.AsNoTracking().Where(v => v.TrialId == trialId).OrderBy(v => v.Step).ToListAsync(ct);
        return Details(trial, StudyJson.Validated(study), curve.Select(StudyJson.Intermediate).ToList());
    }

    /// <summary>A running trial that an ask handed out; trials the server runs itself take no values from outside.</summary>
    private async Task<TrialEntity> LoadAskedTrialAsync(int id, int trialId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        _ = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw StudyOperationException.StudyNotFound(id);
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trialId && t.StudyId == id, ct)
                    ?? throw new StudyOperationException(StudyErrorKind.NotFound, $"study {id} has no trial {trialId}");
        if (trial.State != TrialStates.Running)
            throw new StudyOperationException(StudyErrorKind.Conflict, $"trial {trial.Number} is already {trial.State}");
        if (trial.WorkerName != TrialScheduler.ExternalWorker)
            throw new StudyOperationException(StudyErrorKind.Conflict, $"trial {trial.Number} is run by the server ({trial.WorkerName ?? "waiting for a worker"}); only asked trials take values through the API");
        return trial;
    }

    private async Task<StudyEntity> LoadAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw StudyOperationException.StudyNotFound(id);
    }

    private static TrialDetails Details(TrialEntity t, ValidatedStudy study, IReadOnlyList<IntermediateValue> curve) => new(
        t.Id, t.Number, t.State, StudyJson.Params(t.ParamsJson, study.Space), t.Value, t.SuggestedBy, t.AcquisitionValue,
        t.StartedAt, t.FinishedAt, t.FinishedAt is { } f ? (f - t.StartedAt).TotalSeconds : null, t.Error, t.WorkerName,
        curve, t.LogTail, t.QueuedAt);

    /// <summary>Steps reported, and steps had no trial been pruned (a pruned trial as long as the longest completed one).</summary>
    private static (int Run, int WithoutPruning) Compute(IReadOnlyList<TrialDetails> trials)
    {
        var run = trials.Sum(t => t.Intermediate.Count);
        var full = trials.Where(t => t.State == TrialStates.Complete).Select(t => t.Intermediate.Count).DefaultIfEmpty(0).Max();
        var without = trials.Sum(t => t.State == TrialStates.Pruned ? Math.Max(full, t.Intermediate.Count) : t.Intermediate.Count);
        return (run, without);
    }

    private static TrialDetails? Best(IEnumerable<TrialDetails> trials, Direction direction)
    {
        var complete = trials.Where(t => t.State == TrialStates.Complete && t.Value is not null);
        return direction == Direction.Minimize
            ? complete.OrderBy(t => t.Value).ThenBy(t => t.Number).FirstOrDefault()
            : complete.OrderByDescending(t => t.Value).ThenBy(t => t.Number).FirstOrDefault();
    }
}
