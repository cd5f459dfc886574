using System.Net;
using System.Text.RegularExpressions;
using BoDashboard.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BoDashboard.Web.Tests.Security;

/// <summary>With <c>Auth:Password</c> set, every page, the Blazor hub, the Hangfire dashboard and /api need the
/// sign-in cookie (or, for /api, the X-Api-Key header).</summary>
public sealed partial class SignInTests(SignInTests.PasswordFactory factory) : IClassFixture<SignInTests.PasswordFactory>
{
    public const string Password = "correct horse battery";

    public sealed class PasswordFactory : TestDashboardFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Auth:Password"] = Password };
    }

    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/")]
    [InlineData("/studies/new")]
    [InlineData("/hangfire")]
    [InlineData("/openapi/v1.json")]
    public async Task Without_signing_in_pages_and_the_jobs_dashboard_redirect_to_the_sign_in_page(string path)
    {
        var response = await Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location.Query);
    }

    [Fact]
    public async Task Without_signing_in_the_blazor_hub_and_the_api_refuse()
    {
        var browser = Browser();

        var hub = await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        var api = await browser.GetAsync("/api/studies");

        Assert.NotEqual(HttpStatusCode.OK, hub.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_sets_no_cookie()
    {
        var browser = Browser();

        var response = await SignInAsync(browser, "not the password", "/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong password.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("bodashboard-auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task After_signing_in_the_cookie_opens_pages_hub_api_and_jobs_dashboard_until_sign_out()
    {
        var browser = Browser();

        var signIn = await SignInAsync(browser, Password, "/studies/new");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/studies/new", signIn.Headers.Location!.OriginalString);
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("href=\"/signout\"", await home.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/studies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);

        var signOut = await browser.GetAsync("/signout");

        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/studies")).StatusCode);
    }

    [Fact]
    public async Task Without_an_api_key_configured_scripts_send_the_password_as_the_key()
    {
        var client = Browser();

        var right = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        right.Headers.Add("X-Api-Key", Password);
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/studies");
        wrong.Headers.Add("X-Api-Key", "guess");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Sign_in_never_redirects_to_another_site(string returnUrl)
    {
        var response = await SignInAsync(Browser(), Password, returnUrl);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_form_needs_its_antiforgery_token()
    {
        var response = await Browser().PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("bodashboard-auth=", StringComparison.Ordinal)));
    }

    /// <summary>Loads the sign-in page (its antiforgery cookie and token) and posts the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string password, string returnUrl)
    {
        var page = await browser.GetStringAsync("/signin");
        var token = TokenField().Match(page);
        Assert.True(token.Success, "the sign-in page has an antiforgery field");
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex TokenField();
}
