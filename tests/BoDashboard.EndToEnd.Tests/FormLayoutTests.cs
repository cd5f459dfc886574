using System.Net.Http.Json;
using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>Long unbroken names from users wrap where they are shown instead of widening the page.</summary>
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

    [BrowserFact]
    public async Task A_long_study_name_wraps_in_the_studies_list_and_the_study_title()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = baseAddress };
        var created = await http.PostAsJsonAsync("api/studies", new
        {
            name = new string('s', 180),
            objective = new { kind = "external" },
            direction = "maximize",
            parameters = new object[] { new { name = "x", type = "float", low = 0.0, high = 1.0 } },
            budget = 5,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync(baseAddress.ToString());
            await Assertions.Expect(page.Locator("table.studies tbody tr")).ToHaveCountAsync(1);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 1280, $"the studies list is {width} px wide in a 1,280 px window");

            await page.Locator("table.studies tbody tr a").First.ClickAsync();
            await Assertions.Expect(page.Locator("#study-state")).ToBeVisibleAsync();
            var title = await page.Locator("h1").First.BoundingBoxAsync();
            Assert.NotNull(title);
            Assert.True(title!.X + title.Width <= 1280, $"the study title reaches x = {title.X + title.Width}");
            var state = await page.Locator("#study-state").BoundingBoxAsync();
            Assert.True(state!.Height < 30, $"the state badge wrapped ({state.Height} px high)");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
