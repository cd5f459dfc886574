using BoDashboard.Benchmarks;
using BoDashboard.Studies.Definition;
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

    public static IReadOnlyList<ParameterDefinition> Parameters(AnalyticFunction function) =>
        function.Space.Parameters.Select(StudyValidator.ToDefinition).ToList();

    /// <summary>Finished trials at uniform random points, written straight to the database: only the reading is timed.</summary>
    public async Task AddRandomTrialsAsync(int studyId, AnalyticFunction function, int count, Random random, CancellationToken ct)
    {
        var dbFactory = provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<StudiesDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var x = new double[function.Space.Dimension];
            function.Space.SampleUnit(random, x);
            var parameters = function.Space.Decode(x);
            db.Trials.Add(new TrialEntity
            {
                StudyId = studyId, Number = i, ParamsJson = StudyJson.Serialize(parameters), State = TrialStates.Complete,
                Value = function.Evaluate(parameters), SuggestedBy = "random", StartedAt = now, FinishedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
