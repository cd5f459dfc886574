using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>Screenshots of the posterior maps and a trial's details for the README, from a running dashboard. Runs
/// only when BODASHBOARD_DOCS_URL and BODASHBOARD_DOCS_MAPS_STUDY (a study of the python-example command, best while
/// it runs) are set; otherwise it is reported as skipped.</summary>
public sealed class MapsDocsScreenshots
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_URL");
    private static readonly string? Study = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_MAPS_STUDY");
    private static readonly string? Trial = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_MAPS_TRIAL") ?? "3";

    public sealed class MapsDocsFactAttribute : FactAttribute
    {
        public MapsDocsFactAttribute()
        {
            if (Url is null || Study is null) Skip = "set BODASHBOARD_DOCS_URL and BODASHBOARD_DOCS_MAPS_STUDY to take the maps' screenshots";
            else if (!File.Exists(Browser.ExecutablePath)) Skip = $"{Browser.ExecutablePath} is not installed";
        }
    }

    [MapsDocsFact]
    public async Task Posterior_maps_and_trial_details()
    {
        var folder = DocsImages.Folder();
        folder = Path.GetFullPath(folder);
        Assert.True(Directory.Exists(folder), $"{folder} is not the repository's docs/images");
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync($"{Url!.TrimEnd('/')}/studies/{Study}?fix.optimizer=adam");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('section.posterior .js-plotly-plot')].some(p => (p.data || []).some(t => t.type === 'heatmap'))",
                null, new() { Timeout = 60_000 });
            await page.WaitForTimeoutAsync(1500); // let Plotly finish its transitions
            await page.Locator("section.posterior").ScreenshotAsync(new() { Path = Path.Combine(folder, "posterior-maps.png") });

            await page.Locator($"tr[data-trial='{Trial}']").ClickAsync();
            var details = page.Locator($"#trial-details[data-trial='{Trial}']");
            await Assertions.Expect(details.Locator(".trial-artifacts")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.WaitForTimeoutAsync(1000);
            await details.ScreenshotAsync(new() { Path = Path.Combine(folder, "trial-details.png") });
            Assert.True(new FileInfo(Path.Combine(folder, "posterior-maps.png")).Length > 10_000);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
