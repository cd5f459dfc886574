using System.Net;
using BoDashboard.Tests.Shared;
using BoDashboard.Web.Tests.Api;

namespace BoDashboard.Web.Tests.Security;

/// <summary>Through the API, a dataset folder outside Storage:DataRoots is a 400 naming objective.datasetPath, and a
/// tell cannot smuggle in parameters of its own.</summary>
public sealed class DataRootsApiTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    [Theory]
    [InlineData("/etc")]
    [InlineData("data/../src")]
    public async Task An_image_folder_outside_the_data_roots_is_a_400_naming_the_field(string path)
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/studies", new
        {
            name = "escape",
            objective = new { kind = "alexnet", dataset = "image-folder", datasetPath = path },
            parameters = new[] { new { name = "learning_rate", type = "float", low = 1e-4, high = 0.1, log = true } },
            budget = 1,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.Contains("outside the data folders", (string)errors["objective.datasetPath"]![0]!);
    }

    [Fact]
    public async Task A_tell_with_parameters_is_refused_rather_than_applied()
    {
        var client = factory.CreateClient();
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(21))).JsonAsync())["id"]!;
        var ask = await (await client.PostEmptyAsync($"/api/studies/{id}/ask")).JsonAsync();

        var response = await client.PostJsonAsync($"/api/studies/{id}/trials/{(int)ask["trialId"]!}/tell",
            new { value = 1.0, @params = new { x1 = 99.0, x2 = 1.0 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("params", (await response.Content.ReadAsStringAsync()));
    }
}
