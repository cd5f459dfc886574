using System.Net;
using BoDashboard.Tests.Shared;

namespace BoDashboard.Web.Tests.Api;

/// <summary>Every /api answer is a problem document, never an HTML page or a bare 500.</summary>
public sealed class ApiEdgeTests : IClassFixture<TestDashboardFactory>
{
    private readonly HttpClient client;

    public ApiEdgeTests(TestDashboardFactory factory) => client = factory.CreateClient();

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_document()
    {
        var response = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_400_problem_document()
    {
        var response = await client.GetAsync("/api/studies/1/posterior?resolution=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
