using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Drives an external study through the API the way a client does: one ask, then its tell.</summary>
internal static class AskAndTell
{
    /// <summary>Asks <paramref name="count"/> trials one at a time and tells each <paramref name="value"/>(its index);
    /// every ask and tell must succeed.</summary>
    public static async Task AskAndTellAsync(this HttpClient client, int id, int count, Func<int, double> value)
    {
        for (var i = 0; i < count; i++)
        {
            var ask = await client.PostEmptyAsync($"/api/studies/{id}/ask");
            Assert.True(ask.StatusCode == HttpStatusCode.OK, $"ask {i}: {ask.StatusCode} {await ask.Content.ReadAsStringAsync()}");
            var trial = (int)(await ask.JsonAsync())["trialId"]!;
            var body = FormattableString.Invariant($$"""{"value": {{value(i):R}}}""");
            Assert.Equal(HttpStatusCode.OK, (await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", body)).StatusCode);
        }
    }
}
