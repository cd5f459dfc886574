using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

public sealed class StudiesPageTests
{
    [BrowserFact]
    public async Task Studies_page_renders_in_chromium()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync(baseAddress.ToString());

            var heading = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Studies", Level = 1 });
            await Assertions.Expect(heading).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("No studies yet")).ToBeVisibleAsync();
            var screenshot = Browser.ScreenshotPath("studies-empty");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            Assert.True(new FileInfo(screenshot).Length > 1000);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
