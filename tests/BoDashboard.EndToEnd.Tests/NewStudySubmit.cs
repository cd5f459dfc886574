using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>Clicks Create study and waits for the new study's page; when it does not come, fails with what the form
/// shows instead (its alerts, the button's label, Blazor's error bar), not just a timeout.</summary>
public static class NewStudySubmit
{
    private static readonly Regex StudyUrl = new(@"/studies/\d+$");

    /// <summary>Generous on busy cores: creating a study is a few writes, but the machine may be running other tests.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task CreateAsync(IPage page)
    {
        await page.ClickAsync("#create-study");
        var deadline = DateTime.UtcNow + Timeout;
        while (!StudyUrl.IsMatch(page.Url))
        {
            var alerts = await page.Locator(".alert.error, .validation-message").AllInnerTextsAsync();
            var errorBar = await page.Locator("#blazor-error-ui").IsVisibleAsync();
            if (alerts.Count > 0 || errorBar || DateTime.UtcNow > deadline)
            {
                var button = await page.Locator("#create-study").AllInnerTextsAsync();
                Assert.Fail($"no study page after Create study (still at {page.Url}); alerts: [{string.Join(" | ", alerts)}]; "
                    + $"Blazor error bar {(errorBar ? "shown" : "hidden")}; button: [{string.Join(", ", button)}]");
            }

            await page.WaitForTimeoutAsync(250);
        }
    }
}
