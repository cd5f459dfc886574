using System.Globalization;
using System.Text;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Service;

/// <summary>Reads <see cref="StudyFeedSnapshot"/>s with a few grouped queries, cheap enough to run every second while a
/// page watches. It works the same on SQLite and PostgreSQL and needs nothing from the writers but their rows: counts
/// only grow or move between states, so every stored change (a trial started, finished, taken over; a value reported;
/// a state changed) alters the digest.</summary>
public sealed class StudyChangeFeed(IDbContextFactory<StudiesDbContext> dbFactory) : IStudyChangeFeed
{
    public async Task<StudyFeedSnapshot> ReadAsync(IReadOnlyCollection<int>? studyIds, CancellationToken ct)
    {
        var ids = studyIds?.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var studyRows = db.Studies.AsNoTracking();
        var trialRows = db.Trials.AsNoTracking();
        var evaluationRows = db.Evaluations.AsNoTracking();
        if (ids is not null)
        {
            studyRows = studyRows.Where(s => ids.Contains(s.Id));
            trialRows = trialRows.Where(t => ids.Contains(t.StudyId));
            evaluationRows = evaluationRows.Where(e => ids.Contains(e.StudyId));
        }

        var studies = await studyRows.Select(s => new { s.Id, s.State, s.UpdatedAt, s.FinishedAt }).ToListAsync(ct);
        var trialCounts = await trialRows.GroupBy(t => new { t.StudyId, t.State })
            .Select(g => new { g.Key.StudyId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var running = await trialRows.Where(t => t.State == TrialStates.Running)
            .Select(t => new { t.StudyId, t.Id, t.Number, t.StartedAt, t.WorkerName, t.ProgressDone, t.ProgressTotal, t.ProgressLabel })
            .ToListAsync(ct);
        var evaluations = await evaluationRows.GroupBy(e => new { e.StudyId, e.State })
            .Select(g => new { g.Key.StudyId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        // Intermediate values matter to a study's own page; the list of all studies does not show them (and its studies'
        // UpdatedAt moves with every report anyway), so it skips the largest table.
        var values = ids is null
            ? []
            : await db.IntermediateValues.AsNoTracking().Where(v => ids.Contains(v.Trial!.StudyId))
                .GroupBy(v => v.Trial!.StudyId)
                .Select(g => new { StudyId = g.Key, Count = g.Count(), MaxId = g.Max(v => v.Id) }).ToListAsync(ct);

        var revisions = new Dictionary<int, string>();
        foreach (var study in studies)
        {
            var digest = new StringBuilder()
                .Append(study.State).Append('|').Append(Stamp(study.UpdatedAt)).Append('|').Append(study.FinishedAt is { } f ? Stamp(f) : "-");
            foreach (var c in trialCounts.Where(c => c.StudyId == study.Id).OrderBy(c => c.State, StringComparer.Ordinal))
                digest.Append("|t:").Append(c.State).Append('=').Append(c.Count);
            foreach (var v in values.Where(v => v.StudyId == study.Id))
                digest.Append("|v:").Append(v.Count).Append('/').Append(v.MaxId);
            // A take-over keeps the trial running but gives it a new start and owner.
            foreach (var r in running.Where(r => r.StudyId == study.Id).OrderBy(r => r.Id))
                digest.Append("|r:").Append(r.Id).Append('@').Append(Stamp(r.StartedAt)).Append('/').Append(r.WorkerName);
            foreach (var e in evaluations.Where(e => e.StudyId == study.Id).OrderBy(e => e.State, StringComparer.Ordinal))
                digest.Append("|e:").Append(e.State).Append('=').Append(e.Count);
            revisions[study.Id] = digest.ToString();
        }

        var progress = running
            .Where(r => r.ProgressDone is not null && r.ProgressTotal is not null && revisions.ContainsKey(r.StudyId))
            .Select(r => new RunningTrialProgress(r.StudyId, r.Number, new TrialProgress(r.ProgressDone!.Value, r.ProgressTotal!.Value, r.ProgressLabel)))
            .ToList();
        return new StudyFeedSnapshot(revisions, progress);
    }

    private static string Stamp(DateTime t) => t.Ticks.ToString(CultureInfo.InvariantCulture);
}
