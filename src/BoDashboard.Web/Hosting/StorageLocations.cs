using Microsoft.Data.Sqlite;

namespace BoDashboard.Web.Hosting;

/// <summary>Where the studies database and Hangfire's job storage live; relative paths are taken from the content
/// root, not the working directory, so the data folder is the same however the app is started.</summary>
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
