using BoDashboard.Tests.Shared;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>axe-core on the studies list, the New study form (with a field in error) and a study page with trials and
/// a sampler comparison, in light and dark mode: no serious or critical violation.</summary>
public sealed class AccessibilityTests
{
    [BrowserFact]
    public async Task Studies_list_new_study_form_and_study_page_have_no_serious_or_critical_violations()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        var study = await StudySetup.RunAsync(app, StudySetup.Branin("a11y-branin"));
        foreach (var c in await StudySetup.Studies(app).CompareSamplersAsync(study.Id, 2)) await StudySetup.WaitUntilFinishedAsync(app, c.Id);
        var (playwright, browser) = await Browser.LaunchAsync();
        var problems = new List<string>();
        try
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                    ColorScheme = scheme,
                });
                var page = await context.NewPageAsync();

                await page.GotoAsync(baseAddress.ToString());
                await Assertions.Expect(page.Locator($"table.studies tr[data-study='{study.Id}']")).ToBeVisibleAsync();
                problems.AddRange(await ScanAsync(page, $"studies list ({scheme})"));

                await page.GotoAsync(new Uri(baseAddress, "studies/new").ToString());
                await Assertions.Expect(page.Locator("#create-study")).ToBeVisibleAsync();
                await Interactive.UntilAsync(async () =>
                    {
                        await page.Locator("#budget").FillAsync("0");
                        await page.Locator("#budget").BlurAsync();
                    },
                    () => Assertions.Expect(page.Locator("#budget")).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 2000 }));
                problems.AddRange(await ScanAsync(page, $"new study with an error ({scheme})"));

                await page.GotoAsync(new Uri(baseAddress, $"studies/{study.Id}").ToString());
                await Assertions.Expect(page.Locator("table.trials tbody tr")).ToHaveCountAsync(6, new() { Timeout = 30_000 });
                await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(p => p.data || []).some(t => t.fill === 'tonexty') ? true : null",
                    null, new() { Timeout = 30_000 });
                problems.AddRange(await ScanAsync(page, $"study page ({scheme})"));
                await context.CloseAsync();
            }
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> ScanAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} [{v.Impact}] {v.Help} — {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}");
    }
}
