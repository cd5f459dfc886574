using System.Net;
using BoDashboard.Tests.Shared;
using BoDashboard.Web.Security;
using Microsoft.Extensions.Configuration;

namespace BoDashboard.Web.Tests.Security;

/// <summary>Without a secret the app only starts on loopback addresses; AllowedHosts keeps to loopback names so a
/// DNS-rebinding page cannot reach the API through the user's browser.</summary>
public sealed class ListeningTests
{
    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : TestDashboardFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings;
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://dashboard.example:5080", false)]
    public void Only_loopback_addresses_count_as_loopback(string url, bool loopback)
    {
        Assert.Equal(loopback, LoopbackGuard.IsLoopbackUrl(url));
    }

    [Fact]
    public void Bare_ports_and_kestrel_endpoints_are_checked_too()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["http_ports"] = "8080",
            ["Kestrel:Endpoints:Public:Url"] = "http://0.0.0.0:9000",
        }).Build();

        var offending = LoopbackGuard.NonLoopbackAddresses(configuration);

        Assert.Equal(["http://0.0.0.0:9000", "port 8080 on every interface"], offending);
    }

    [Fact]
    public void Without_a_password_the_app_refuses_to_start_on_every_interface()
    {
        using var factory = new Factory(new Dictionary<string, string> { ["urls"] = "http://0.0.0.0:5080" });

        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("refusing to listen on http://0.0.0.0:5080", Flatten(e));
    }

    [Fact]
    public async Task With_a_password_it_may_listen_on_every_interface()
    {
        using var factory = new Factory(new Dictionary<string, string> { ["urls"] = "http://0.0.0.0:5080", ["Auth:Password"] = "pw" });

        var response = await factory.CreateClient().GetAsync("/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("[::1]:5080", HttpStatusCode.OK)]
    [InlineData("attacker.example", HttpStatusCode.BadRequest)]
    public async Task Requests_for_other_host_names_are_refused(string host, HttpStatusCode expected)
    {
        using var factory = new TestDashboardFactory();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        request.Headers.Host = host;

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
