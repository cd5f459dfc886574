using System.Net;
using System.Text;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Client.Tests;

/// <summary>Problem documents (RFC 7807) become <see cref="BoDashboardApiException"/> with status, title, detail and
/// the fields the server rejected.</summary>
public sealed class ProblemTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly BoDashboardClient client = new(factory.CreateClient());

    [Fact]
    public async Task Invalid_definition_is_a_400_naming_each_wrong_field()
    {
        var definition = Studies.External("problem-400") with
        {
            Parameters = [ParameterDefinition.Float("x", 5, 1), ParameterDefinition.Float("y", -5, 5)],
            Budget = 0,
        };

        var e = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.CreateStudyAsync(definition));

        Assert.Equal(400, e.Status);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("The request is not valid", e.Title);
        var high = Assert.Single(e.Errors, f => f.Field == "parameters[0].high");
        Assert.Contains("low (5) must be less than high (1)", high.Message);
        Assert.NotEmpty(e.ErrorsFor("budget"));
        Assert.Empty(e.ErrorsFor("parameters[1].high"));
        Assert.Contains("parameters[0].high", e.Detail);
        Assert.Contains("400", e.Message);
        Assert.DoesNotContain(await client.ListStudiesAsync(), s => s.Name == "problem-400");
    }

    [Fact]
    public async Task Unknown_study_or_trial_is_a_404()
    {
        var getMissing = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.GetStudyAsync(987_654));
        var askMissing = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.AskAsync(987_654));
        var study = await client.CreateStudyAsync(Studies.External("problem-404"));
        var tellMissing = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.TellAsync(study.Id, 987_654, 1.0));
        var deleteMissing = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.DeleteStudyAsync(987_654));

        Assert.All([getMissing, askMissing, tellMissing, deleteMissing], e => Assert.Equal(HttpStatusCode.NotFound, e.StatusCode));
        Assert.Equal("Not found", getMissing.Title);
        Assert.Contains("987654", getMissing.Detail);
        Assert.Empty(getMissing.Errors);
    }

    [Fact]
    public async Task Asking_a_completed_study_is_a_409_and_so_is_telling_a_trial_twice()
    {
        var study = await client.CreateStudyAsync(Studies.External("problem-409", budget: 1));
        var trial = await client.AskAsync(study.Id);
        await client.TellAsync(study.Id, trial.TrialId, 0.5);

        var ask = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.AskAsync(study.Id));
        var tellAgain = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.TellAsync(study.Id, trial.TrialId, 0.25));

        Assert.Equal(StudyStates.Completed, (await client.GetStudyAsync(study.Id)).State);
        Assert.Equal(409, ask.Status);
        Assert.Equal("Conflict", ask.Title);
        Assert.False(string.IsNullOrWhiteSpace(ask.Detail));
        Assert.Equal(409, tellAgain.Status);
        Assert.Contains("already", tellAgain.Detail);
    }

    [Fact]
    public async Task Best_before_any_completed_trial_is_a_409()
    {
        var study = await client.CreateStudyAsync(Studies.External("problem-best"));

        var e = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.GetBestAsync(study.Id));

        Assert.Equal(409, e.Status);
    }

    [Fact]
    public async Task Non_finite_values_and_negative_steps_are_refused_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.TellAsync(1, 1, double.NaN));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.TellAsync(1, 1, double.PositiveInfinity));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReportAsync(1, 1, 0, double.NaN));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReportAsync(1, 1, -1, 0.5));
    }

    [Fact]
    public async Task A_response_without_a_problem_document_still_gives_status_and_title()
    {
        using var http = new HttpClient(new Answer(HttpStatusCode.BadGateway, "<html><body>proxy error</body></html>", "text/html"))
        {
            BaseAddress = new Uri("http://dashboard.invalid/bo"),
        };
        var proxied = new BoDashboardClient(http);

        var e = await Assert.ThrowsAsync<BoDashboardApiException>(() => proxied.ListStudiesAsync());

        Assert.Equal(502, e.Status);
        Assert.Equal("Bad Gateway", e.Title);
        Assert.Contains("http://dashboard.invalid/bo/api/studies", e.Detail);
        Assert.Empty(e.Errors);
    }

    [Fact]
    public async Task Field_errors_given_as_one_string_are_read_too()
    {
        const string problem = """{"title":"Bad","status":400,"errors":{"name":"a name is required","budget":["too small","too large"]}}""";
        using var http = new HttpClient(new Answer(HttpStatusCode.BadRequest, problem, "application/problem+json")) { BaseAddress = new Uri("http://x.invalid/") };

        var e = await Assert.ThrowsAsync<BoDashboardApiException>(() => new BoDashboardClient(http).ListStudiesAsync());

        Assert.Equal([new FieldError("name", "a name is required"), new FieldError("budget", "too small"), new FieldError("budget", "too large")], e.Errors);
        Assert.Null(e.Detail);
        Assert.Contains("name: a name is required", e.Message);
    }

    /// <summary>A server that answers every request the same way.</summary>
    private sealed class Answer(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request });
    }
}
