using BoDashboard.Studies.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Service;

/// <summary>The one entry point to studies for the UI, the REST API and the jobs.</summary>
public sealed class StudyService(IDbContextFactory<StudiesDbContext> dbFactory)
{
    public async Task<IReadOnlyList<StudySummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Studies
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new
            {
                s.Id, s.Name, s.ObjectiveJson, s.SamplerJson, s.Direction, s.State, s.Budget, s.CreatedAt,
                Finished = s.Trials.Count(t => t.State == "complete" || t.State == "failed" || t.State == "pruned"),
                Max = s.Trials.Where(t => t.State == "complete").Max(t => t.Value),
                Min = s.Trials.Where(t => t.State == "complete").Min(t => t.Value),
            })
            .ToListAsync(ct);
        return rows.Select(r => new StudySummary(
            r.Id, r.Name, StudyDocuments.ObjectiveLabel(r.ObjectiveJson), StudyDocuments.SamplerName(r.SamplerJson),
            r.Direction, r.State, r.Finished, r.Budget, r.Direction == "minimize" ? r.Min : r.Max, r.CreatedAt)).ToList();
    }
}
