using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Cli.Runs;

/// <summary>A private study database in a temporary folder with the dashboard's study service, so a benchmark goes
/// through the same code as the dashboard and its REST API. No job runs: external studies are driven by ask/tell.</summary>
public sealed class BenchStudyHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string folder;

    private BenchStudyHost(ServiceProvider provider, string folder)
    {
        this.provider = provider;
        this.folder = folder;
    }

    public IServiceProvider Services => provider;

    public StudyService Studies => provider.GetRequiredService<StudyService>();

    public static BenchStudyHost Start()
    {
        var folder = Directory.CreateTempSubdirectory("bodashboard-bench-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStudiesDatabase($"Data Source={Path.Combine(folder, "studies.db")}");
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(folder, "hangfire.db"), new SQLiteStorageOptions())));
        services.AddStudyService();
        var provider = services.BuildServiceProvider();
        StudiesDatabase.Migrate(provider);
        return new BenchStudyHost(provider, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
