using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace BoDashboard.Studies.Persistence;

/// <summary>Where the studies database and Hangfire's job storage live (ConnectionStrings:Studies and :Hangfire);
/// relative paths are taken from the repository's top folder, not the working directory, so the dashboard and the
/// CLI use the same files however they are started.</summary>
/// <param name="HangfireStorage">Hangfire's job storage: a SQLite file, or a PostgreSQL connection string.</param>
public sealed record StorageLocations(string StudiesConnectionString, string HangfireStorage, StorageProvider Provider = StorageProvider.Sqlite)
{
    public static StorageLocations From(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Storage:Provider"];
        var provider = StorageProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(configured) && !Enum.TryParse(configured, ignoreCase: true, out provider))
            throw new InvalidOperationException($"Storage:Provider must be Sqlite or PostgreSql, not '{configured}'");
        if (provider == StorageProvider.PostgreSql)
        {
            var studiesCs = configuration.GetConnectionString("Studies")
                ?? throw new InvalidOperationException("Storage:Provider is PostgreSql: set ConnectionStrings:Studies to a PostgreSQL connection string");
            return new StorageLocations(studiesCs, configuration.GetConnectionString("Hangfire") ?? studiesCs, provider);
        }

        var studies = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString("Studies") ?? "Data Source=data/app/studies.db");
        if (studies.DataSource != ":memory:" && !Path.IsPathRooted(studies.DataSource))
            studies.DataSource = Path.GetFullPath(Path.Combine(contentRoot, studies.DataSource));

        var hangfire = configuration.GetConnectionString("Hangfire") ?? "data/app/hangfire.db";
        if (!Path.IsPathRooted(hangfire)) hangfire = Path.GetFullPath(Path.Combine(contentRoot, hangfire));
        return new StorageLocations(studies.ToString(), hangfire);
    }
}
