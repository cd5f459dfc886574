using Bunit;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests;

/// <summary>The real study service on temporary SQLite files, for rendering pages with bunit. Jobs are stored but no
/// Hangfire server runs them.</summary>
public static class BunitStudies
{
    public static IDbContextFactory<StudiesDbContext> AddStudies(this BunitContext ctx, string folder)
    {
        // Hangfire's logger is a static that an earlier test host may have left pointing at its disposed logger factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentLogProvider());
        ctx.Services.AddStudiesDatabase($"Data Source={Path.Combine(folder, "studies.db")}");
        ctx.Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(folder, "hangfire.db"), new SQLiteStorageOptions())));
        ctx.Services.AddStudyService();
        StudiesDatabase.Migrate(ctx.Services);
        return ctx.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>();
    }

    private sealed class SilentLogProvider : Hangfire.Logging.ILogProvider
    {
        public Hangfire.Logging.ILog GetLogger(string name) => new SilentLog();
    }

    private sealed class SilentLog : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
