using System.Text.RegularExpressions;
using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>What users notice: a study page that fits 800 px, the table's view in the address, sampler comparisons
/// over seeds drawn as bands, studies compared from the list, confirmed deletes, keyboard focus and dark mode. With
/// BODASHBOARD_DOCS_IMAGES set (e.g. docs/images) the compare and dark-mode screenshots are written there too.</summary>
public sealed class PolishFlowTests
{
    private static readonly string? Docs = Environment.GetEnvironmentVariable("BODASHBOARD_DOCS_IMAGES") is { Length: > 0 } d ? d : null;

    private static readonly PageWaitForFunctionOptions Long = new() { Timeout = 180_000 };

    [BrowserFact]
    public async Task Compare_samplers_over_seeds_compare_studies_and_the_page_polish()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        // The documentation's pictures run longer studies than the test needs.
        var budget = Docs is null ? 8 : 20;
        var study = await StudySetup.RunAsync(app, StudySetup.Branin("branin", budget: budget));
        var twin = await StudySetup.RunAsync(app, StudySetup.Branin("branin twin", "random", seed: 9, budget: budget));
        var other = await StudySetup.RunAsync(app, StudySetup.Branin("seed-1d", budget: 3) with
        {
            Objective = new(Studies.Definition.ObjectiveDefinition.Analytic, Function: "seed-1d"),
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 800, Height = 900 } });
            var page = await context.NewPageAsync();
            var studyUrl = new Uri(baseAddress, $"studies/{study.Id}").ToString();

            // --- 800 px: no horizontal page scroll, plots as wide as their cards ---
            await page.GotoAsync(studyUrl);
            await Assertions.Expect(page.Locator("table.trials tbody tr")).ToHaveCountAsync(budget, new() { Timeout = 30_000 });
            await page.WaitForFunctionAsync("() => document.querySelectorAll('.js-plotly-plot').length >= 2 ? true : null");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"page is {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in an 800 px window");
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p.getBoundingClientRect().right <= window.innerWidth)"));

            foreach (var (path, ready) in new[] { ("", "table.studies"), ("studies/new", "#create-study"), ($"compare?ids={study.Id},{twin.Id}", "table.compared") })
            {
                var other800 = await context.NewPageAsync();
                await other800.GotoAsync(new Uri(baseAddress, path).ToString());
                await Assertions.Expect(other800.Locator(ready)).ToBeVisibleAsync();
                Assert.True(await other800.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"/{path} scrolls sideways at 800 px");
                await other800.CloseAsync();
            }

            // --- the trial table's sort and page are in the address and survive a reload ---
            await page.Locator("table.trials th .sort", new() { HasTextString = "Value" }).ClickAsync();
            await page.Locator("table.trials th .sort", new() { HasTextString = "Value" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"sort=value&desc=1$"));
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("table.trials th.sorted")).ToHaveAttributeAsync("aria-sort", "descending");
            var values = await page.Locator("table.trials tbody tr td:nth-child(3)").AllInnerTextsAsync();
            var numbers = values.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.OrderDescending(), numbers);
            // Numbers sit right-aligned under right-aligned headers.
            Assert.Equal("right", await page.EvalOnSelectorAsync<string>("table.trials tbody td.num", "e => getComputedStyle(e).textAlign"));
            Assert.Equal("right", await page.EvalOnSelectorAsync<string>("table.trials th.num .sort", "e => getComputedStyle(e).textAlign"));

            // --- compare samplers with 3 seeds: a median and an interquartile band per seeded sampler ---
            await page.Locator("#compare-seeds").FillAsync("3");
            await Assertions.Expect(page.Locator("#compare-samplers")).ToHaveTextAsync("Compare samplers ×3");
            await page.Locator("#compare-samplers").ClickAsync();
            await Assertions.Expect(page.Locator("#comparison-status")).ToContainTextAsync("gp-ei: 3 runs", new() { Timeout = 30_000 });
            await page.WaitForFunctionAsync("""
                total => {
                    const status = document.querySelector('#comparison-status')?.textContent || '';
                    const traces = [...document.querySelectorAll('.convergence-card .js-plotly-plot')].flatMap(p => p.data || []);
                    const medians = traces.filter(t => / median of 3 seeds$/.test(t.name || '')).length;
                    return status.split(`${total} / ${total} trials, completed`).length === 4 && medians === 3 ? true : null;
                }
                """, 3 * budget, Long);
            var bandFills = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.convergence-card .js-plotly-plot')].flatMap(p => p.data).filter(t => t.fill === 'tonexty').length");
            Assert.Equal(3, bandFills);
            await page.WaitForTimeoutAsync(800);
            await ScreenshotAsync(page.Locator(".convergence-card"), "compare-samplers-bands");

            // --- compare with another study of the same search space, from the study page ---
            await page.Locator("#compare-with summary").ClickAsync();
            Assert.Equal(0, await page.Locator($"#compare-with input[value='{other.Id}']").CountAsync()); // seed-1d: another search space
            await page.Locator($"#compare-with input[value='{twin.Id}']").CheckAsync();
            await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('.convergence-card .js-plotly-plot')].flatMap(p => p.data).some(t => t.name === 'branin twin #{twin.Id}: best so far') ? true : null");

            // --- the studies list: tick two studies and compare them ---
            await page.GotoAsync(baseAddress.ToString());
            var firstBox = page.Locator($"tr[data-study='{study.Id}'] input.compare-select");
            await Interactive.UntilVisibleAsync(async () =>
            {
                await firstBox.SetCheckedAsync(false); // a tick given before the circuit connected stays in the page but was lost
                await firstBox.CheckAsync();
            }, page.GetByText("Compare selected (1)"));
            await page.Locator($"tr[data-study='{twin.Id}'] input.compare-select").CheckAsync();
            await Assertions.Expect(page.Locator("#compare-studies")).ToHaveTextAsync("Compare selected (2)");
            await page.Locator("#compare-studies").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/compare\?ids={study.Id},{twin.Id}$"));
            await Assertions.Expect(page.Locator("table.compared tbody tr")).ToHaveCountAsync(2);
            await page.WaitForFunctionAsync("() => document.querySelector('.js-plotly-plot')?.data?.length === 4 ? true : null");
            // Incompatible studies are refused with the reason.
            await page.GotoAsync(new Uri(baseAddress, $"compare?ids={study.Id},{other.Id}").ToString());
            await Assertions.Expect(page.Locator("#compare-error")).ToContainTextAsync("cannot be compared");

            // --- delete asks first ---
            await page.GotoAsync(baseAddress.ToString());
            var row = page.Locator($"tr[data-study='{twin.Id}']");
            await Interactive.UntilVisibleAsync(() => row.Locator("button", new() { HasTextString = "Delete" }).ClickAsync(), row.GetByText("Delete it and its trials?"));
            await Assertions.Expect(row).ToBeVisibleAsync();
            await row.Locator("button", new() { HasTextString = "Yes, delete" }).ClickAsync();
            await Assertions.Expect(row).ToHaveCountAsync(0);

            // --- keyboard focus is visible ---
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.Equal("solid", outline);

            // --- dark mode: page and plots ---
            var dark = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, ColorScheme = ColorScheme.Dark });
            var darkPage = await dark.NewPageAsync();
            await darkPage.GotoAsync(studyUrl);
            await darkPage.WaitForFunctionAsync("() => [...document.querySelectorAll('.js-plotly-plot')].some(p => (p.data || []).some(t => t.type === 'heatmap')) ? true : null", null, Long);
            Assert.Equal("rgb(14, 18, 24)", await darkPage.EvaluateAsync<string>("() => getComputedStyle(document.body.parentElement).backgroundColor"));
            // Plots with a plotting area (parallel coordinates has none, and no plot_bgcolor).
            var plotBackgrounds = await darkPage.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullLayout._has('cartesian')).map(p => p._fullLayout.plot_bgcolor)");
            Assert.NotEmpty(plotBackgrounds);
            Assert.All(plotBackgrounds, c => Assert.Equal("#161b23", c));
            var fontColors = await darkPage.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.js-plotly-plot')].map(p => p._fullLayout.font.color)");
            Assert.All(fontColors, c => Assert.Equal("#e6e9ef", c));
            await darkPage.WaitForTimeoutAsync(800);
            await ScreenshotAsync(darkPage, "study-page-dark");
            await dark.CloseAsync();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task ScreenshotAsync(object target, string name)
    {
        var paths = new List<string> { Browser.ScreenshotPath(name) };
        if (Docs is not null)
        {
            Directory.CreateDirectory(Docs);
            paths.Add(Path.Combine(Docs, name + ".png"));
        }
        foreach (var path in paths)
        {
            if (target is IPage page) await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            else await ((ILocator)target).ScreenshotAsync(new() { Path = path });
        }
        Assert.True(new FileInfo(paths[0]).Length > 10_000);
    }
}
