namespace BoDashboard.Client.Tests;

/// <summary>With <c>Api:Key</c> set on the server, the client sends it as X-Api-Key; without it the call is a 401.</summary>
public sealed class ApiKeyTests(KeyedDashboardFactory factory) : IClassFixture<KeyedDashboardFactory>
{
    [Fact]
    public async Task The_key_is_sent_on_every_request_and_a_missing_or_wrong_key_is_a_401()
    {
        var http = factory.CreateClient();
        var keyed = new BoDashboardClient(http, apiKey: KeyedDashboardFactory.Key);
        var anonymous = new BoDashboardClient(http);
        var wrong = new BoDashboardClient(http, apiKey: "not-the-key");

        var study = await keyed.CreateStudyAsync(Studies.External("api-key"));
        var trial = await keyed.AskAsync(study.Id);
        await keyed.TellAsync(study.Id, trial.TrialId, 1.5);
        var missing = await Assert.ThrowsAsync<BoDashboardApiException>(() => anonymous.ListStudiesAsync());
        var refused = await Assert.ThrowsAsync<BoDashboardApiException>(() => wrong.GetStudyAsync(study.Id));

        Assert.Equal(1.5, (await keyed.GetBestAsync(study.Id)).Value);
        Assert.Equal(401, missing.Status);
        Assert.Contains("X-Api-Key", missing.Detail);
        Assert.Equal(401, refused.Status);
        Assert.False(http.DefaultRequestHeaders.Contains(BoDashboardClient.ApiKeyHeader)); // the shared HttpClient is untouched
    }
}
