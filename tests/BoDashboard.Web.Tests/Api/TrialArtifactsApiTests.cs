using System.Net;
using BoDashboard.Studies.Processes;
using BoDashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Api;

/// <summary>The artifacts routes list and serve the files in one trial's folder, and nothing else: "..", absolute paths
/// and links leading outside are all 404, percent-encoded or not.</summary>
public sealed class TrialArtifactsApiTests : IClassFixture<TestDashboardFactory>
{
    private readonly TestDashboardFactory factory;
    private readonly HttpClient client;

    public TrialArtifactsApiTests(TestDashboardFactory factory)
    {
        this.factory = factory;
        client = factory.CreateClient();
    }

    /// <summary>An external study with one asked trial whose folder holds two files, a link to a file inside it, and
    /// links to a file and a folder outside it; beside the folder, a secret file in the study's folder.</summary>
    private async Task<(int Id, string Folder)> SeedAsync()
    {
        var created = await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(seed: 11));
        var id = (int)(await created.JsonAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/studies/{id}/ask")).StatusCode);
        var folders = factory.Services.GetRequiredService<TrialFolders>();
        var folder = folders.Prepare(id, 0);
        Directory.CreateDirectory(Path.Combine(folder, "out"));
        await File.WriteAllTextAsync(Path.Combine(folder, "out", "result.json"), """{"accuracy": 0.91}""");
        await File.WriteAllTextAsync(Path.Combine(folder, "trial.log"), "epoch 1\nepoch 2\n");
        var secret = Path.Combine(Path.GetDirectoryName(folder)!, "secret.txt");
        await File.WriteAllTextAsync(secret, "not for download");
        File.CreateSymbolicLink(Path.Combine(folder, "link-out"), secret);
        Directory.CreateSymbolicLink(Path.Combine(folder, "dir-out"), Path.GetDirectoryName(folder)!);
        File.CreateSymbolicLink(Path.Combine(folder, "link-in"), Path.Combine(folder, "trial.log"));
        return (id, folder);
    }

    [Fact]
    public async Task Lists_the_trial_files_with_sizes_leaving_out_links_that_lead_outside()
    {
        var (id, _) = await SeedAsync();

        var response = await client.GetAsync($"/api/studies/{id}/trials/0/artifacts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = (await response.JsonAsync()).AsArray();
        Assert.Equal(["link-in", "out/result.json", "trial.log"], files.Select(f => (string)f!["path"]!));
        Assert.Equal(16, (long)files[2]!["size"]!);
        Assert.Equal(16, (long)files[0]!["size"]!); // the link's target
    }

    [Fact]
    public async Task Serves_a_file_of_the_trial_by_its_path()
    {
        var (id, _) = await SeedAsync();

        var response = await client.GetAsync($"/api/studies/{id}/trials/0/artifacts/out/result.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"accuracy": 0.91}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("epoch 1\nepoch 2\n", await client.GetStringAsync($"/api/studies/{id}/trials/0/artifacts/link-in"));
    }

    [Theory]
    [InlineData("..%2Fsecret.txt")]
    [InlineData("..%2F..%2F..%2Fstudies.db")]
    [InlineData("out%2F..%2F..%2Fsecret.txt")]
    [InlineData("%2E%2E%2Fsecret.txt")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("%2F%2Fetc%2Fpasswd")]
    [InlineData("out%5C..%5C..%5Csecret.txt")]
    [InlineData("link-out")]
    [InlineData("dir-out/secret.txt")]
    [InlineData("dir-out%2Fsecret.txt")]
    [InlineData("out")]
    [InlineData("missing.txt")]
    public async Task Refuses_every_path_that_does_not_name_a_file_inside_the_trial_folder(string path)
    {
        var (id, _) = await SeedAsync();

        var response = await client.GetAsync($"/api/studies/{id}/trials/0/artifacts/{path}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("not for download", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_trials_are_404_and_a_trial_without_files_lists_none()
    {
        var (id, _) = await SeedAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/studies/{id}/ask")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/studies/{id}/trials/7/artifacts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/studies/{id}/trials/7/artifacts/trial.log")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/studies/999999/trials/0/artifacts")).StatusCode);
        Assert.Empty((await (await client.GetAsync($"/api/studies/{id}/trials/1/artifacts")).JsonAsync()).AsArray());
    }
}
