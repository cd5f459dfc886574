using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>With a password, a browser is sent to the sign-in page, told about a wrong password, let in with the
/// right one (the live pages included), and sent back by "Sign out".</summary>
public sealed class SignInFlowTests
{
    private sealed class PasswordFactory : TestDashboardFactory
    {
        public const string Password = "team-secret";

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Auth:Password"] = Password };
    }

    [BrowserFact]
    public async Task Sign_in_wrong_then_right_use_the_live_pages_and_sign_out()
    {
        using var app = new PasswordFactory();
        var baseAddress = app.StartOnLoopback();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(baseAddress.ToString());
            Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath);

            await page.FillAsync("input[name=password]", "guess");
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong password.");

            await page.FillAsync("input[name=password]", PasswordFactory.Password);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Studies", Level = 1 })).ToBeVisibleAsync();

            // A link followed inside the live page: the Blazor connection is signed in too.
            await page.ClickAsync("nav >> text=New study");
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(baseAddress, "studies/new").ToString());
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

            await page.ClickAsync("text=Sign out");
            await page.WaitForURLAsync("**/signin");
            await page.GotoAsync(baseAddress.ToString());
            Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
