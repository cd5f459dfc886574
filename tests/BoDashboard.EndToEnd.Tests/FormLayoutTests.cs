using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>What a refused input does to the New study form's layout: messages wrap inside their column.</summary>
public sealed class FormLayoutTests
{
    [BrowserFact]
    public async Task A_refused_long_parameter_name_keeps_the_search_space_inside_its_card()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(baseAddress, "studies/new").ToString());
            await Assertions.Expect(page.Locator("#template-tutorial")).ToBeVisibleAsync();
            for (var attempt = 0; attempt < 50 && await page.InputValueAsync("#study-name") != "tutorial-alexnet-lr-wd"; attempt++)
            {
                await page.ClickAsync("#template-tutorial");
                await page.WaitForTimeoutAsync(200);
            }
            var name = page.Locator("table.params input.param-name").First;
            await name.FillAsync(new string('x', 150));
            await name.PressAsync("Tab");
            await page.ClickAsync("#create-study");
            // The name is refused, and quoted whole in one of the messages: one unbroken word of 150 characters.
            await Assertions.Expect(page.Locator("table.params .validation-message").First).ToContainTextAsync("at most 100 characters");

            var table = await page.Locator("table.params").BoundingBoxAsync();
            var sampler = await page.Locator("#sampler").BoundingBoxAsync();
            Assert.NotNull(table);
            Assert.NotNull(sampler);
            Assert.True(table!.X + table.Width <= sampler!.X, $"the search-space table reaches x = {table.X + table.Width}, over the sampler column at x = {sampler.X}");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
