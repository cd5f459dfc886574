using System.Net;
using BoDashboard.Studies.Persistence;
using BoDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Bad input that needs a sequence of requests or a prepared folder: racing tells, verbs out of order, and
/// a dataset folder that leaves the configured roots through a symbolic link.</summary>
public sealed class HostileSequenceApiTests(HostileSequenceApiTests.LinkedRootsFactory factory) : IClassFixture<HostileSequenceApiTests.LinkedRootsFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    /// <summary>A dashboard whose only data root holds a real folder and a link to /etc.</summary>
    public sealed class LinkedRootsFactory : TestDashboardFactory
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("bodashboard-roots-").FullName;

        public LinkedRootsFactory()
        {
            Directory.CreateDirectory(Path.Combine(Root, "images"));
            File.CreateSymbolicLink(Path.Combine(Root, "escape"), "/etc");
            Directory.CreateSymbolicLink(Path.Combine(Root, "images", "up"), "../..");
        }

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Storage:DataRoots"] = Root };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("escape")]
    [InlineData("escape/ssl")]
    [InlineData("images/up")]
    [InlineData("images/up/tmp")]
    public async Task A_dataset_folder_reached_through_a_link_out_of_the_root_is_a_400_and_no_study(string relative)
    {
        var before = (await (await client.GetAsync("/api/studies")).JsonAsync()).AsArray().Count;

        var response = await client.PostJsonAsync("/api/studies", new
        {
            name = "linked",
            objective = new { kind = "alexnet", dataset = "image-folder", datasetPath = Path.Combine(factory.Root, relative) },
            parameters = new[] { new { name = "learning_rate", type = "float", low = 1e-4, high = 0.1, log = true } },
            budget = 1,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("outside the data folders", (string)(await response.JsonAsync())["errors"]!["objective.datasetPath"]![0]!);
        Assert.Equal(before, (await (await client.GetAsync("/api/studies")).JsonAsync()).AsArray().Count);
    }

    [Fact]
    public async Task Two_tells_racing_for_one_trial_store_one_value_and_the_other_is_a_conflict()
    {
        var (id, trial) = await AskAsync(31);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", $$"""{"value": {{i + 1}}}""")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var told = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).JsonAsync();
        var stored = (await (await client.GetAsync($"/api/studies/{id}")).JsonAsync())["trials"]![0]!;
        Assert.Equal((double)told["value"]!, (double)stored["value"]!);
        Assert.Equal("complete", (string)stored["state"]!);
    }

    [Fact]
    public async Task Verbs_out_of_order_are_conflicts_with_a_message_and_a_deleted_study_is_gone()
    {
        var (id, trial) = await AskAsync(32);

        var pruned = await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", """{"state": "pruned"}""");
        Assert.Equal(HttpStatusCode.Conflict, pruned.StatusCode);
        Assert.Contains("no intermediate value", (string)(await pruned.JsonAsync())["detail"]!);
        Assert.Equal("running", (string)(await (await client.GetAsync($"/api/studies/{id}")).JsonAsync())["trials"]![0]!["state"]!);

        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/studies/{id}/pause")).StatusCode);
        await AssertConflictAsync(await client.PostEmptyAsync($"/api/studies/{id}/pause"));
        await AssertConflictAsync(await client.PostEmptyAsync($"/api/studies/{id}/ask"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/studies/{id}/cancel")).StatusCode);
        await AssertConflictAsync(await client.PostEmptyAsync($"/api/studies/{id}/cancel"));
        await AssertConflictAsync(await client.PostEmptyAsync($"/api/studies/{id}/resume"));
        await AssertConflictAsync(await client.PostEmptyAsync($"/api/studies/{id}/ask"));
        await AssertConflictAsync(await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", """{"value": 1}"""));
        await AssertConflictAsync(await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/report", """{"step": 1, "value": 1}"""));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteJsonAsync($"/api/studies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteJsonAsync($"/api/studies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", """{"value": 1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/studies/{id}/trials.csv")).StatusCode);
    }

    [Fact]
    public async Task A_study_stored_before_the_size_limits_still_opens_asks_and_tells()
    {
        var (id, trial) = await AskAsync(33);
        await client.PostRawAsync($"/api/studies/{id}/trials/{trial}/tell", """{"value": 2}""");
        // As an older version stored it: more choices, and a longer name, than a new study may have.
        var choices = string.Join(",", Enumerable.Range(0, Optimization.Space.SearchSpace.MaxChoices + 1).Select(i => $"\"c{i}\""));
        var longName = new string('n', Optimization.Space.SearchSpace.MaxNameLength + 1);
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var study = await db.Studies.SingleAsync(s => s.Id == id);
            study.SearchSpaceJson = """[{"name": "x1", "type": "float", "low": -5, "high": 10}, {"name": "x2", "type": "float", "low": 0, "high": 15}, """
                + $$"""{"name": "{{longName}}", "type": "categorical", "choices": [{{choices}}]}]""";
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/studies/{id}")).StatusCode);
        var ask = await client.PostEmptyAsync($"/api/studies/{id}/ask");
        Assert.True(ask.StatusCode == HttpStatusCode.OK, await ask.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.PostRawAsync($"/api/studies/{id}/trials/{(int)(await ask.JsonAsync())["trialId"]!}/tell", """{"value": 1}""")).StatusCode);
        // A copy is a new study: it meets today's limits or is refused with the reason.
        var copy = await client.PostEmptyAsync($"/api/studies/{id}/duplicate");
        Assert.Equal(HttpStatusCode.BadRequest, copy.StatusCode);
        Assert.Contains("at most", (string)(await copy.JsonAsync())["detail"]!);
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((string?)(await response.JsonAsync())["detail"]));
    }

    private async Task<(int Study, int Trial)> AskAsync(int seed)
    {
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(seed))).JsonAsync())["id"]!;
        var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();
        return (id, (int)ask["trialId"]!);
    }
}

/// <summary>Outside Development the framework does not throw on a query value it cannot read; the 400 it answers must
/// still say what was wrong.</summary>
public sealed class ProductionProblemsTests(ProductionProblemsTests.ProductionFactory factory) : IClassFixture<ProductionProblemsTests.ProductionFactory>
{
    public sealed class ProductionFactory : TestDashboardFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Production");
        }
    }

    [Theory]
    [InlineData("/api/studies/1/posterior?resolution=2.5", HttpStatusCode.BadRequest, "resolution")]
    [InlineData("/api/studies/abc", HttpStatusCode.NotFound, "no API route matches GET /api/studies/abc")]
    public async Task A_request_the_framework_refuses_is_a_problem_with_a_message(string url, HttpStatusCode status, string message)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, (string)(await response.JsonAsync())["detail"]!);
    }
}
