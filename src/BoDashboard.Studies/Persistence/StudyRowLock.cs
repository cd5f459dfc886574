using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Persistence;

/// <summary>Serialises decisions about one study across processes. SQLite's write transactions are already
/// exclusive (BEGIN IMMEDIATE); PostgreSQL's are not, so there the study's row is locked until the transaction ends.</summary>
public static class StudyRowLock
{
    public static async Task LockAsync(StudiesDbContext db, int studyId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM studies WHERE \"Id\" = {studyId} FOR UPDATE", ct);
    }
}
