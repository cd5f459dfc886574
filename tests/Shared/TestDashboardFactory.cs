using BoDashboard.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Tests.Shared;

/// <summary>The real app on its own temporary SQLite files: in the in-memory test server, or, for a browser,
/// on Kestrel at a free loopback port.</summary>
public class TestDashboardFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("bodashboard-test-").FullName;

    /// <summary>Extra configuration for a test class, applied after the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContentRootLocator.Find());
        builder.UseSetting("ConnectionStrings:Studies", $"Data Source={Path.Combine(DataFolder, "studies.db")}");
        builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(DataFolder, "hangfire.db"));
        builder.UseSetting("Hangfire:WorkerCount", "2");
        builder.UseSetting("Storage:DataFolder", Path.Combine(DataFolder, "data"));
        // The test runner cannot answer the trial verbs; the dashboard's own assembly (copied next to the tests) can.
        builder.UseSetting("Objectives:TrialHost", Path.Combine(AppContext.BaseDirectory, "BoDashboard.Web.dll"));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port and returns the base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        catch (OperationCanceledException e)
        {
            // Hangfire's server throws this when the host's stop ends its wait for busy workers (seen after flows that
            // leave many studies running). Stopping the test host is not what the tests assert; the folder still goes.
            Console.Error.WriteLine($"test dashboard stopped with busy job workers: {e.Message}");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
