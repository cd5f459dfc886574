using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>Playwright driving the system Chromium: no browser download, no network.</summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Screenshots go under the test output so CI keeps them as artefacts.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
