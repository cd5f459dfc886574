using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Persistence;

/// <summary>Registers the studies database and brings its schema up to date at start-up.</summary>
public static class StudiesDatabase
{
    public static IServiceCollection AddStudiesDatabase(this IServiceCollection services, string connectionString) =>
        services.AddStudiesDatabase(_ => connectionString);

    /// <summary>The connection string is resolved from the container, so a test host can override configuration.</summary>
    public static IServiceCollection AddStudiesDatabase(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services.AddStudiesDatabase(StorageProvider.Sqlite, connectionString);

    public static IServiceCollection AddStudiesDatabase(this IServiceCollection services, StorageProvider provider, Func<IServiceProvider, string> connectionString)
    {
        if (provider == StorageProvider.PostgreSql)
        {
            services.AddDbContextFactory<PostgresStudiesDbContext>((sp, o) => o.UseNpgsql(connectionString(sp)));
            services.AddSingleton<IDbContextFactory<StudiesDbContext>>(sp =>
                new UpcastDbContextFactory<PostgresStudiesDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresStudiesDbContext>>()));
            return services;
        }
        services.AddDbContextFactory<StudiesDbContext>((sp, o) =>
        {
            var cs = connectionString(sp);
            EnsureDirectoryFor(cs);
            o.UseSqlite(cs);
        });
        return services;
    }

    /// <summary>Applies pending migrations (never EnsureCreated, so the schema can evolve) and turns on WAL
    /// so that readers (the dashboard) do not block the writer (the study runner).</summary>
    public static void Migrate(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<StudiesDbContext>>().CreateDbContext();
        db.Database.Migrate();
        if (db.Database.IsSqlite()) db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    /// <summary>Creates the folder of a SQLite file so that a fresh checkout needs no manual step.</summary>
    public static void EnsureDirectoryFor(string sqliteConnectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
