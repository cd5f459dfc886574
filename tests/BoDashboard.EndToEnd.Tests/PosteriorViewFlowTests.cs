using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>The posterior maps' view lives in the address: axes and a fixed value chosen on the page are in the URL
/// (beside keys that are not the maps'), a reload shows the same maps, and a trial row opens the trial's details.</summary>
public sealed class PosteriorViewFlowTests
{
    private static readonly TimeSpan StudyTimeout = TimeSpan.FromSeconds(120);

    private const string HeatmapsDrawn = """
        () => [...document.querySelectorAll('section.posterior .js-plotly-plot')].flatMap(p => p.data || []).filter(t => t.type === 'heatmap').length === 3
        """;

    [BrowserFact]
    public async Task Axes_and_fixed_values_go_into_the_address_survive_a_reload_and_a_trial_row_opens_its_details()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = baseAddress };
        var created = await http.PostAsJsonAsync("api/studies", new
        {
            name = "e2e-posterior-view",
            objective = new { kind = "analytic", function = "rosenbrock4" },
            sampler = new { name = "gp-ei", initialPoints = 4, seed = 3 },
            budget = 10,
        });
        var id = (int)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var deadline = DateTime.UtcNow + StudyTimeout;
        while ((string)JsonNode.Parse(await http.GetStringAsync($"api/studies/{id}"))!["state"]! != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, "the study did not complete in time");
            await Task.Delay(200);
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            // "sort" stands for the trial table's keys: the maps must leave it alone.
            await page.GotoAsync(new Uri(baseAddress, $"studies/{id}?sort=value").ToString());
            await page.WaitForFunctionAsync(HeatmapsDrawn, null, new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator(".fixed-value")).ToHaveCountAsync(2); // x3, x4 held while x1, x2 are the axes

            // Axes: x3 against x2 (until the circuit is connected a choice does nothing: repeat until the address says so).
            for (var attempt = 0; attempt < 50 && !page.Url.Contains("x=x3"); attempt++)
            {
                await page.SelectOptionAsync("#posterior-x", "x3");
                await page.WaitForTimeoutAsync(200);
            }
            await Assertions.Expect(page.Locator("section.posterior h2")).ToContainTextAsync("over x3 and x2");
            Assert.Contains("x=x3", page.Url);
            Assert.Contains("y=x2", page.Url);

            // A fixed value: x1 (now off the axes) moved to a quarter of its slider: -2.048 + 0.25 * 4.096 = -1.024.
            await page.Locator(".fixed-value[data-param='x1'] input").EvaluateAsync(
                "el => { el.value = '250'; el.dispatchEvent(new Event('change', { bubbles: true })); }");
            await Assertions.Expect(page.Locator(".fixed-value[data-param='x1'] output")).ToHaveTextAsync("-1.024");
            await page.WaitForFunctionAsync("() => location.search.includes('fix.x1=-1.024')", null, new() { Timeout = 10_000 });
            await page.WaitForFunctionAsync(HeatmapsDrawn, null, new() { Timeout = 60_000 });
            var summary = await page.Locator(".fixed-summary").TextContentAsync();
            Assert.Contains("x1 = -1.024", summary);
            Assert.Contains("sort=value", page.Url);
            var address = page.Url;
            await page.Locator("section.posterior").ScreenshotAsync(new() { Path = Browser.ScreenshotPath("posterior-view-before-reload") });

            // The link shows the same view.
            await page.ReloadAsync();
            await page.WaitForFunctionAsync(HeatmapsDrawn, null, new() { Timeout = 60_000 });
            Assert.Equal(address, page.Url);
            await Assertions.Expect(page.Locator("section.posterior h2")).ToContainTextAsync("over x3 and x2");
            await Assertions.Expect(page.Locator(".fixed-value[data-param='x1'] output")).ToHaveTextAsync("-1.024");
            await Assertions.Expect(page.Locator(".fixed-summary")).ToHaveTextAsync(summary!);
            Assert.Equal("x3", await page.EvaluateAsync<string>(
                "() => document.querySelector('section.posterior .js-plotly-plot').layout.xaxis.title.text"));
            // Completed: no next candidate anywhere.
            await Assertions.Expect(page.Locator(".no-next")).ToContainTextAsync("the study is completed");

            // A trial row opens its details: how it was suggested, its timings.
            await page.Locator("tr[data-trial='6']").ClickAsync();
            var details = page.Locator("#trial-details[data-trial='6']");
            await Assertions.Expect(details).ToBeVisibleAsync();
            await Assertions.Expect(details.Locator(".trial-origin")).ToHaveAttributeAsync("data-origin", "acquisition");
            await Assertions.Expect(details.Locator(".trial-acquisition")).ToContainTextAsync("EI");
            await Assertions.Expect(details.Locator(".trial-duration")).ToContainTextAsync(" s");
            await details.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("trial-details") });
            Assert.Contains("x=x3", page.Url); // opening a trial keeps the maps' view
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
