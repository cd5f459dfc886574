using System.Net;
using BoDashboard.Studies.Persistence;
using BoDashboard.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests;

public sealed class AppStartupTests : IClassFixture<TestDashboardFactory>
{
    private readonly TestDashboardFactory factory;

    public AppStartupTests(TestDashboardFactory factory) => this.factory = factory;

    [Fact]
    public async Task Home_page_is_the_studies_list_with_an_empty_state()
    {
        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains("<h1>Studies</h1>", html);
        Assert.Contains("No studies yet", html);
    }

    [Fact]
    public async Task Migrations_are_applied_to_the_configured_file_in_wal_mode()
    {
        _ = factory.CreateClient();
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.StartsWith(factory.DataFolder, db.Database.GetDbConnection().DataSource);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Plotly_scripts_are_served_by_the_app_itself()
    {
        var response = await factory.CreateClient().GetAsync("/_content/Plotly.Blazor/plotly-interop-7.2.0.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.Unauthorized)]
    public async Task Hangfire_dashboard_answers_local_requests_only(string remoteAddress, HttpStatusCode expected)
    {
        using var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
                s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddressFilter(IPAddress.Parse(remoteAddress)))))
            .CreateClient();

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>The test server has no socket; this sets the address a real client would come from.</summary>
    private sealed class RemoteAddressFilter(IPAddress remote) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = remote;
                context.Connection.LocalIpAddress = IPAddress.Loopback;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
