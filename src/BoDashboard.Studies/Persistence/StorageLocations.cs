using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace BoDashboard.Studies.Persistence;

/// <summary>Where the studies database and Hangfire's job storage live (ConnectionStrings:Studies and :Hangfire);
/// relative paths are taken from the repository's top folder, not the working directory, so the dashboard and the
/// CLI use the same files however they are started.</summary>
public sealed record StorageLocations(string StudiesConnectionString, string HangfireDatabasePath)
{
    public static StorageLocations From(IConfiguration configuration, string contentRoot)
    {
        var studies = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString("Studies") ?? "Data Source=data/app/studies.db");
        if (studies.DataSource != ":memory:" && !Path.IsPathRooted(studies.DataSource))
            studies.DataSource = Path.GetFullPath(Path.Combine(contentRoot, studies.DataSource));

        var hangfire = configuration.GetConnectionString("Hangfire") ?? "data/app/hangfire.db";
        if (!Path.IsPathRooted(hangfire)) hangfire = Path.GetFullPath(Path.Combine(contentRoot, hangfire));
        return new StorageLocations(studies.ToString(), hangfire);
    }
}
