using System.Net;
using System.Net.Http.Headers;
using BoDashboard.Tests.Shared;
using BoDashboard.Web.Tests.Api;

namespace BoDashboard.Web.Tests.Security;

/// <summary>State-changing /api requests need Content-Type: application/json, which a cross-site HTML form cannot
/// send: a page the user opens elsewhere cannot pause, delete or create studies through their browser.</summary>
public sealed class JsonContentTypeTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    public static TheoryData<string, string, string?> CrossSiteRequests => new()
    {
        { "POST", "/api/studies/{id}/pause", null },
        { "POST", "/api/studies/{id}/cancel", "application/x-www-form-urlencoded" },
        { "POST", "/api/studies/{id}/ask", "text/plain" },
        { "POST", "/api/studies/{id}/duplicate", "multipart/form-data; boundary=x" },
        { "POST", "/api/studies/{id}/compare", null },
        { "DELETE", "/api/studies/{id}", null },
        { "POST", "/api/studies", "text/plain" },
    };

    [Theory]
    [MemberData(nameof(CrossSiteRequests))]
    public async Task A_request_a_form_could_send_is_refused_with_415_and_changes_nothing(string method, string path, string? contentType)
    {
        var client = factory.CreateClient();
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(11))).JsonAsync())["id"]!;
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString()));
        if (contentType is not null)
        {
            request.Content = new ByteArrayContent("{}"u8.ToArray());
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("application/json", (string)(await response.JsonAsync())["detail"]!);
        var study = await (await client.GetAsync($"/api/studies/{id}")).JsonAsync();
        Assert.Equal("running", (string)study["state"]!);
        Assert.Empty(study["trials"]!.AsArray());
    }

    [Fact]
    public async Task The_same_calls_with_a_json_content_type_and_an_empty_body_go_through()
    {
        var client = factory.CreateClient();
        var id = (int)(await (await client.PostJsonAsync("/api/studies", ApiClient.BraninExternal(12))).JsonAsync())["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/studies/{id}/ask")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/studies/{id}/pause")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteJsonAsync($"/api/studies/{id}")).StatusCode);
    }

    [Fact]
    public async Task Reads_need_no_content_type()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/studies")).StatusCode);
    }
}
