using BoDashboard.Studies.Processes;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Service;

/// <summary>The files a trial wrote into its own folder (its log and what a command saved there), for the trial
/// details and the artifacts routes; nothing outside that folder is ever listed or served.</summary>
public sealed partial class StudyService
{
    /// <summary>The trial's files, sorted by path; empty when it wrote none. Throws not-found for an unknown study or trial.</summary>
    public async Task<IReadOnlyList<TrialArtifact>> ListArtifactsAsync(int id, int trialNumber, CancellationToken ct = default)
    {
        await RequireTrialAsync(id, trialNumber, ct);
        return new TrialArtifacts(folders).List(id, trialNumber);
    }

    /// <summary>The full path of one of the trial's files; not-found when the trial does not exist or the path does not
    /// name a file inside its folder (".." segments, absolute paths and links leading outside included).</summary>
    public async Task<string> FindArtifactAsync(int id, int trialNumber, string relativePath, CancellationToken ct = default)
    {
        await RequireTrialAsync(id, trialNumber, ct);
        return new TrialArtifacts(folders).Find(id, trialNumber, relativePath)
            ?? throw new StudyOperationException(StudyErrorKind.NotFound, $"trial {trialNumber} of study {id} has no file '{relativePath}'");
    }

    private async Task RequireTrialAsync(int id, int trialNumber, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Studies.AnyAsync(s => s.Id == id, ct)) throw StudyOperationException.StudyNotFound(id);
        if (!await db.Trials.AnyAsync(t => t.StudyId == id && t.Number == trialNumber, ct))
            throw new StudyOperationException(StudyErrorKind.NotFound, $"study {id} has no trial {trialNumber}");
    }
}
