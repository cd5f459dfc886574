using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>Screenshots of a running dashboard for the documentation (docs/tutorial.md, README). Runs only when
/// BODASHBOARD_DOCS_URL (e.g. http://127.0.0.1:5080) and BODASHBOARD_DOCS_STUDY (a study id) are set; otherwise it is
/// reported as skipped.</summary>
public sealed class DocsScreenshots
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_URL");
    private static readonly string? Study = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_STUDY");
    private static readonly string? PruningStudy = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_PRUNING_STUDY");

    public sealed class DocsFactAttribute : FactAttribute
    {
        public DocsFactAttribute()
        {
            if (Url is null || Study is null) Skip = "set BODASHBOARD_DOCS_URL and BODASHBOARD_DOCS_STUDY to take the documentation's screenshots";
            else if (!File.Exists(Browser.ExecutablePath)) Skip = $"{Browser.ExecutablePath} is not installed";
        }
    }

    /// <summary>Runs when BODASHBOARD_DOCS_URL and BODASHBOARD_DOCS_PRUNING_STUDY (a study with a pruner) are set.</summary>
    public sealed class PruningDocsFactAttribute : FactAttribute
    {
        public PruningDocsFactAttribute()
        {
            if (Url is null || PruningStudy is null) Skip = "set BODASHBOARD_DOCS_URL and BODASHBOARD_DOCS_PRUNING_STUDY to take the pruning screenshots";
            else if (!File.Exists(Browser.ExecutablePath)) Skip = $"{Browser.ExecutablePath} is not installed";
        }
    }

    [PruningDocsFact]
    public async Task Pruning_study_intermediate_values_and_header()
    {
        var folder = DocsImages.Folder();
        Directory.CreateDirectory(folder);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync($"{Url!.TrimEnd('/')}/studies/{PruningStudy}");
            var chart = page.Locator("section.card:has(h2:has-text('Intermediate values'))");
            await Assertions.Expect(chart).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.js-plotly-plot')].some(p => (p.data || []).some(t => (t.name || '').startsWith('trial')))",
                null, new() { Timeout = 60_000 });
            await page.WaitForTimeoutAsync(1500);

            await chart.ScreenshotAsync(new() { Path = Path.Combine(folder, "pruning-intermediate-values.png") });
            await page.Locator(".page-head").ScreenshotAsync(new() { Path = Path.Combine(folder, "pruning-header.png") });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "pruning-study-page.png"), FullPage = true });
            Assert.True(new FileInfo(Path.Combine(folder, "pruning-intermediate-values.png")).Length > 10_000);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [DocsFact]
    public async Task Study_page_heatmaps_and_convergence()
    {
        var folder = DocsImages.Folder();
        Directory.CreateDirectory(folder);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync($"{Url!.TrimEnd('/')}/studies/{Study}");
            var heatmaps = page.Locator("section.posterior .js-plotly-plot");
            await Assertions.Expect(heatmaps.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('section.posterior .js-plotly-plot')].some(p => (p.data || []).some(t => t.type === 'heatmap'))",
                null, new() { Timeout = 60_000 });
            await page.WaitForTimeoutAsync(1500); // let Plotly finish its transitions

            await page.Locator("section.posterior").ScreenshotAsync(new() { Path = Path.Combine(folder, "tutorial-heatmaps.png") });
            await page.Locator("section.card:has(h2:has-text('Convergence'))").ScreenshotAsync(new() { Path = Path.Combine(folder, "tutorial-convergence.png") });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "tutorial-study-page.png"), FullPage = true });
            Assert.True(new FileInfo(Path.Combine(folder, "tutorial-heatmaps.png")).Length > 10_000);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
