using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>The dashboard in headless Chromium: studies created from the form run to completion on a page that is
/// never reloaded, the plots are drawn, and the exported JSON is the API's document.</summary>
public sealed class DashboardFlowTests
{
    private static readonly TimeSpan StudyTimeout = TimeSpan.FromSeconds(120);

    [BrowserFact]
    public async Task Seed_1d_and_branin_studies_created_from_the_form_run_live_and_export_the_api_document()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                AcceptDownloads = true,
            });
            var page = await context.NewPageAsync();

            // --- seed-1d ---
            var seedId = await CreateStudyAsync(page, baseAddress, "e2e-seed-1d", "analytic:seed-1d", budget: 8, initialPoints: 2, screenshot: "new-study-form");
            await WaitForCompletionAsync(page, "8 / 8");
            await page.WaitForFunctionAsync("""
                () => [...document.querySelectorAll('div.js-plotly-plot')].flatMap(p => p.data || [])
                        .some(t => t.name === 'GP mean μ') ? true : null
                """);
            var seedTraces = await TraceNamesAsync(page);
            Assert.Contains("μ ± 2σ", seedTraces);
            Assert.Contains("EI", seedTraces);
            Assert.Contains("observed trials", seedTraces);
            await ScreenshotAsync(page, "study-seed-1d");

            // --- branin ---
            var braninId = await CreateStudyAsync(page, baseAddress, "e2e-branin", "analytic:branin", budget: 10, initialPoints: 3, screenshot: null);
            await WaitForCompletionAsync(page, "10 / 10");
            await page.WaitForFunctionAsync("""
                () => {
                    const traces = [...document.querySelectorAll('div.js-plotly-plot')].flatMap(p => p.data || []);
                    const heatmaps = traces.filter(t => t.type === 'heatmap').length;
                    // The study is completed: it proposes nothing more, so no "next candidate" cross.
                    const candidate = traces.some(t => t.name === 'next candidate');
                    return heatmaps === 3 && !candidate ? true : null;
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            var heatmapCount = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('div.js-plotly-plot')].flatMap(p => p.data || []).filter(t => t.type === 'heatmap').length");
            Assert.Equal(3, heatmapCount);
            Assert.Equal(10, await page.Locator("table.trials tbody tr").CountAsync());
            await ScreenshotAsync(page, "study-branin");

            // --- export: the downloaded file is the API's document ---
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
            var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!.AsObject();
            using var http = new HttpClient { BaseAddress = baseAddress };
            var response = await http.GetAsync($"api/studies/{braninId}/best");
            Assert.True(response.IsSuccessStatusCode, $"GET /api/studies/{braninId}/best: {(int)response.StatusCode}");
            var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.True(exported.Remove("exportedAt") && api.Remove("exportedAt")); // the moment of export differs
            Assert.Equal(api.ToJsonString(), exported.ToJsonString());
            Assert.Equal("e2e-branin", exported["study"]!.GetValue<string>());
            Assert.Equal(["x1", "x2"], exported["params"]!.AsObject().Select(kv => kv.Key));

            // --- the studies list shows both, finished ---
            await page.GotoAsync(baseAddress.ToString());
            await Assertions.Expect(page.Locator($"table.studies tr[data-study='{seedId}'] .state")).ToHaveTextAsync("completed");
            await Assertions.Expect(page.Locator($"table.studies tr[data-study='{braninId}'] .state")).ToHaveTextAsync("completed");
            await ScreenshotAsync(page, "studies-list");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<int> CreateStudyAsync(IPage page, Uri baseAddress, string name, string objective, int budget, int initialPoints, string? screenshot)
    {
        await page.GotoAsync(new Uri(baseAddress, "studies/new").ToString());
        // Until the circuit is connected clicks do nothing: apply the tutorial template until it shows.
        await Assertions.Expect(page.Locator("#template-tutorial")).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 50 && await page.InputValueAsync("#study-name") != "tutorial-alexnet-lr-wd"; attempt++)
        {
            await page.ClickAsync("#template-tutorial");
            await page.WaitForTimeoutAsync(200);
        }
        if (screenshot is not null) await ScreenshotAsync(page, screenshot);

        await page.SelectOptionAsync("#objective", objective);
        await page.FillAsync("#study-name", name);
        await page.FillAsync("#budget", budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.PressAsync("#budget", "Tab");
        await page.FillAsync("#initial-points", initialPoints.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.PressAsync("#initial-points", "Tab");
        await Assertions.Expect(page.Locator("table.params tbody tr td.muted")).ToContainTextAsync("searches its own box");
        await NewStudySubmit.CreateAsync(page);
        return int.Parse(Regex.Match(page.Url, @"/studies/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitForCompletionAsync(IPage page, string progress)
    {
        var options = new LocatorAssertionsToHaveTextOptions { Timeout = (float)StudyTimeout.TotalMilliseconds };
        await Assertions.Expect(page.Locator("#study-state")).ToHaveTextAsync("completed", options);
        await Assertions.Expect(page.Locator("#study-progress")).ToHaveTextAsync(progress, options);
    }

    private static Task<string[]> TraceNamesAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('div.js-plotly-plot')].flatMap(p => p.data || []).map(t => t.name || '')");

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.WaitForTimeoutAsync(400); // let Plotly finish its transition
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000);
    }
}
