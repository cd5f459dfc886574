using System.Net;
using BoDashboard.Studies.Service;
using BoDashboard.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Posterior slices are computed a bounded number at a time: with every slot taken, a request that cannot
/// get one in time is a 503 problem document with Retry-After, and goes through once a slot is free.</summary>
public sealed class PosteriorLimitTests
{
    /// <summary>One slot and no waiting, so the test decides when the server is busy.</summary>
    private sealed class OneSlotFactory : TestDashboardFactory
    {
        public PosteriorGate Gate { get; } = new(slots: 1, wait: TimeSpan.Zero);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton(Gate));
        }
    }

    [Fact]
    public async Task With_every_slot_taken_a_posterior_request_is_a_503_and_later_succeeds()
    {
        using var factory = new OneSlotFactory();
        var client = factory.CreateClient();
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(5))).JsonAsync())["id"]!;
        for (var i = 0; i < 3; i++)
        {
            var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
            await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell", new { value = i + 1.0 });
        }

        var url = $"/api/studies/{id}/posterior?x=x1&y=x2&resolution=8";
        HttpResponseMessage busy;
        using (await factory.Gate.EnterAsync(CancellationToken.None))
        {
            busy = await client.GetAsync(url);
        }

        var free = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.Contains("posterior", (string)(await busy.JsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }
}
