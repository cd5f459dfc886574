using BoDashboard.Optimization;
using BoDashboard.Optimization.Pruners;
using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Service;

/// <summary>A study's trials as the samplers and pruners see them: immutable records with their intermediate values,
/// read in one query per table.</summary>
public static class TrialHistory
{
    /// <summary>Every trial's intermediate values (ascending steps), by trial id.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<StepValue>>> CurvesAsync(StudiesDbContext db, int studyId, CancellationToken ct)
    {
        var rows = await db.IntermediateValues.AsNoTracking()
            .Where(v => v.Trial!.StudyId == studyId)
            .Select(v => new { v.TrialId, v.Step, v.Value })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.TrialId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<StepValue>)g.OrderBy(r => r.Step).Select(r => new StepValue(r.Step, r.Value)).ToList());
    }

    /// <summary>A study's trials with only the columns a sampler reads (<see cref="Records"/>) and the claim counts:
    /// a long study's ask reads thousands of rows, and materialising the timestamps, log tails and leases of each
    /// cost as much as parsing their parameters.</summary>
    public static IQueryable<TrialEntity> ForSampler(IQueryable<TrialEntity> trials) =>
        trials.Select(t => new TrialEntity { Id = t.Id, StudyId = t.StudyId, Number = t.Number, ParamsJson = t.ParamsJson, State = t.State, Value = t.Value });

    public static IReadOnlyList<TrialRecord> Records(IEnumerable<TrialEntity> trials, SearchSpace space, IReadOnlyDictionary<int, IReadOnlyList<StepValue>> curves) =>
        trials.Select(t => StudyJson.Record(t, space, curves.GetValueOrDefault(t.Id))).ToList();

    public static PrunerTrial ForPruner(TrialEntity t, IReadOnlyDictionary<int, IReadOnlyList<StepValue>> curves) =>
        new(t.Number, StudyJson.State(t.State), curves.GetValueOrDefault(t.Id) ?? []);
}
