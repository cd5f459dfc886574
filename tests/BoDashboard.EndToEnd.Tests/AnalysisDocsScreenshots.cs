using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>The README's screenshots of the analysis views (importance, parallel coordinates with a brush, slices).
/// Runs only when BODASHBOARD_DOCS_URL (e.g. http://127.0.0.1:5080) and BODASHBOARD_DOCS_ANALYSIS_STUDY (a study id,
/// ideally with log, int and categorical parameters) are set; otherwise it is reported as skipped.</summary>
public sealed class AnalysisDocsScreenshots
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_URL");
    private static readonly string? Study = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_ANALYSIS_STUDY");

    public sealed class AnalysisDocsFactAttribute : FactAttribute
    {
        public AnalysisDocsFactAttribute()
        {
            if (Url is null || Study is null) Skip = "set BODASHBOARD_DOCS_URL and BODASHBOARD_DOCS_ANALYSIS_STUDY to take the analysis screenshots";
            else if (!File.Exists(Browser.ExecutablePath)) Skip = $"{Browser.ExecutablePath} is not installed";
        }
    }

    [AnalysisDocsFact]
    public async Task Importance_parallel_coordinates_and_slices()
    {
        var folder = DocsImages.Folder();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync($"{Url!.TrimEnd('/')}/studies/{Study}");
            await page.WaitForFunctionAsync("() => (document.querySelector('#importance .js-plotly-plot') || {}).data ? true : null", null, new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => (document.querySelector('#parcoords') || {}).data ? true : null", null, new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("#slices .slice-plot .js-plotly-plot").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.WaitForTimeoutAsync(1000);
            await page.Locator("#importance").ScreenshotAsync(new() { Path = Path.Combine(folder, "analysis-importance.png") });
            await page.Locator("#slices").ScreenshotAsync(new() { Path = Path.Combine(folder, "analysis-slices.png") });

            // Brush the first axis over its upper half, as a reader would, and show the filtered table with it.
            var brush = page.Locator("#parcoords .axis-brush rect.background").First;
            await brush.ScrollIntoViewIfNeededAsync();
            var box = (await brush.BoundingBoxAsync())!;
            var x = (float)(box.X + box.Width / 2);
            await page.Mouse.MoveAsync(x, (float)(box.Y + box.Height * 0.1));
            await page.Mouse.DownAsync();
            for (var step = 1; step <= 10; step++) await page.Mouse.MoveAsync(x, (float)(box.Y + box.Height * (0.1 + 0.04 * step)));
            await page.Mouse.UpAsync();
            await Assertions.Expect(page.Locator("#brushed-note")).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(500);
            await page.Locator("#parallel-coordinates").ScreenshotAsync(new() { Path = Path.Combine(folder, "analysis-parallel-coordinates.png") });
            await page.Locator(".trials-card").ScreenshotAsync(new() { Path = Path.Combine(folder, "analysis-brushed-trials.png") });
            Assert.True(new FileInfo(Path.Combine(folder, "analysis-parallel-coordinates.png")).Length > 10_000);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
