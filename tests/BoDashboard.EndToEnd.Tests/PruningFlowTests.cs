using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>A <c>python-example</c> command study with the ASHA pruner, created from the New study form. Each trial's
/// curve rises to its own final value, so a later trial that is behind at step 1 (or 3) is stopped there: the page shows
/// it as pruned in the table, ends its line with a cross, draws it hollow on the heatmaps and counts the steps saved.
/// With random seed 27 trials 0 and 2 complete, 1, 3 and 4 are pruned at step 1 and trial 5 at step 3 (the test asserts
/// only that some are pruned, and that the page agrees with the API).</summary>
public sealed class PruningFlowTests
{
    private static readonly TimeSpan StudyTimeout = TimeSpan.FromSeconds(180);

    [BrowserFact]
    public async Task An_asha_command_study_from_the_form_prunes_trials_and_shows_the_compute_saved()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

            // --- the form: python-example with its parameters added in one click, then their ranges ---
            await PythonExampleForm.OpenAsync(page, baseAddress);
            await PythonExampleForm.AddParametersAsync(page);
            foreach (var row in new[] { 0, 1 })
            {
                await FillAsync(page.Locator(".param-low").Nth(row), "-1");
                await FillAsync(page.Locator(".param-high").Nth(row), "1");
            }
            await PythonExampleForm.MakeOptimizerCategoricalAsync(page);
            await FillAsync(page.Locator("#study-name"), "e2e-python-asha");
            await page.SelectOptionAsync("#sampler", "random");
            await FillAsync(page.Locator("#seed"), "27");
            await FillAsync(page.Locator("#budget"), "6");

            // --- the pruner: ASHA, its two settings with their defaults ---
            await page.SelectOptionAsync("#pruner", "asha");
            await Assertions.Expect(page.Locator("#pruner-reduction-factor")).ToHaveValueAsync("3");
            await Assertions.Expect(page.Locator("#pruner-min-resource")).ToHaveValueAsync("1");
            await Assertions.Expect(page.Locator("#pruner-max-resource")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#pruner-help")).ToContainTextAsync("At steps 1, 3, 9, … only the top third");
            // A bad factor is reported at its field; the default again clears it.
            await FillAsync(page.Locator("#pruner-reduction-factor"), "1");
            await Assertions.Expect(page.Locator(".validation-message[data-field='pruner.reductionFactor']")).ToHaveTextAsync("must be at least 2, got 1");
            await FillAsync(page.Locator("#pruner-min-resource"), "1");
            await FillAsync(page.Locator("#pruner-reduction-factor"), "3");
            await Assertions.Expect(page.Locator(".validation-message")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "pruning-study-form");
            await NewStudySubmit.CreateAsync(page);
            var id = int.Parse(Regex.Match(page.Url, @"/studies/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator("#study-pruner .pruner-settings")).ToHaveTextAsync("ASHA pruner (min resource 1, reduction factor 3)");

            // --- the study runs its 6 trials ---
            var options = new LocatorAssertionsToHaveTextOptions { Timeout = (float)StudyTimeout.TotalMilliseconds };
            await Assertions.Expect(page.Locator("#study-state")).ToHaveTextAsync("completed", options);
            await Assertions.Expect(page.Locator("#study-progress")).ToHaveTextAsync("6 / 6", options);

            // The API agrees with the page: at least one trial was pruned, and the table marks exactly those rows.
            using var http = new HttpClient { BaseAddress = baseAddress };
            using var details = JsonDocument.Parse(await http.GetStringAsync($"api/studies/{id}"));
            var states = details.RootElement.GetProperty("trials").EnumerateArray().ToDictionary(t => t.GetProperty("number").GetInt32(), t => t.GetProperty("state").GetString()!);
            var pruned = states.Where(kv => kv.Value == "pruned").Select(kv => kv.Key).Order().ToList();
            Assert.True(pruned.Count >= 1, $"no trial was pruned: {string.Join(", ", states.Select(kv => $"{kv.Key} {kv.Value}"))}");
            await Assertions.Expect(page.Locator("table.trials tbody tr.trial-pruned")).ToHaveCountAsync(pruned.Count);
            Assert.Equal(pruned, (await page.Locator("table.trials tbody tr.trial-pruned").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.trial)"))
                .Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Order());
            await Assertions.Expect(page.Locator("#trial-counts")).ToContainTextAsync($"{pruned.Count} pruned");

            // --- the header: the compute saved, from the steps the trials ran ---
            var run = details.RootElement.GetProperty("stepsRun").GetInt32();
            var without = details.RootElement.GetProperty("stepsWithoutPruning").GetInt32();
            Assert.True(run < without, $"steps run {run}, without pruning {without}");
            var saved = (100.0 * (1 - (double)run / without)).ToString("0", CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator("#compute-saved")).ToHaveTextAsync($"steps run {run} of {without} without pruning · {saved} % saved");

            // --- the intermediate-values chart ends each pruned trial's line with a cross ---
            var ends = await page.WaitForFunctionAsync("""
                () => {
                    const t = [...document.querySelectorAll('#intermediate-values div.js-plotly-plot')].flatMap(p => p.data || [])
                        .find(t => t.uid === 'pruned-ends');
                    return t ? { symbol: t.marker.symbol, points: t.x.length } : null;
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            var endsValue = await ends.JsonValueAsync<JsonElement>();
            Assert.Equal("x", endsValue.GetProperty("symbol").GetString());
            Assert.Equal(pruned.Count, endsValue.GetProperty("points").GetInt32());

            // --- the heatmaps draw the pruned trials hollow, with a legend entry beside the observed ones ---
            var heatmapMarkers = await page.WaitForFunctionAsync("""
                () => {
                    const traces = [...document.querySelectorAll('.posterior div.js-plotly-plot')].flatMap(p => p.data || []);
                    const pruned = traces.filter(t => t.name === 'pruned trials');
                    const observed = traces.filter(t => t.name === 'observed trials');
                    return pruned.length === 3 && observed.length === 3
                        ? { points: pruned[0].x.length, observed: observed[0].x.length, fill: pruned[0].marker.color,
                            legend: traces.filter(t => t.showlegend).map(t => t.name) }
                        : null;
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            var markers = await heatmapMarkers.JsonValueAsync<JsonElement>();
            Assert.Equal(pruned.Count, markers.GetProperty("points").GetInt32());
            Assert.Equal(states.Count(kv => kv.Value == "complete"), markers.GetProperty("observed").GetInt32());
            Assert.Equal("#ffffff", markers.GetProperty("fill").GetString());
            var legend = markers.GetProperty("legend").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal(legend.IndexOf("observed trials") + 1, legend.IndexOf("pruned trials"));
            // The posterior document carries them too, in a field of its own.
            using var posterior = JsonDocument.Parse(await http.GetStringAsync($"api/studies/{id}/posterior?x=x&y=y&resolution=10"));
            Assert.Equal(pruned, posterior.RootElement.GetProperty("prunedObservations").EnumerateArray().Select(o => o.GetProperty("number").GetInt32()));

            await ScreenshotAsync(page, "pruning-study-completed");
            await ScreenshotAsync(page, "pruning-study-header", fullPage: false);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Types a value and leaves the field, so the form binds and validates it.</summary>
    private static Task FillAsync(ILocator input, string value) => PythonExampleForm.FillAsync(input, value);

    private static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        await page.WaitForTimeoutAsync(400); // let Plotly finish its transition
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 1000);
    }
}
