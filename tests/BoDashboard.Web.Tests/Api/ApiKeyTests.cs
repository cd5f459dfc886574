using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

public sealed class ApiKeyTests
{
    private sealed class KeyedFactory : TestDashboardFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Api:Key"] = "s3cret-key" };
    }

    [Fact]
    public async Task With_a_key_configured_every_api_request_needs_it()
    {
        using var factory = new KeyedFactory();
        var client = factory.CreateClient();

        var without = await client.GetAsync("/api/studies");
        var wrong = await Send(client, "wrong-key");
        var right = await Send(client, "s3cret-key");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var home = await client.GetAsync("/");
        Assert.Equal("/signin", home.RequestMessage!.RequestUri!.AbsolutePath); // a key alone protects the pages too
    }

    [Fact]
    public async Task Without_a_key_configured_the_api_is_open_on_loopback()
    {
        using var factory = new TestDashboardFactory();

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/studies")).StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        request.Headers.Add("X-Api-Key", key);
        return client.SendAsync(request);
    }
}
