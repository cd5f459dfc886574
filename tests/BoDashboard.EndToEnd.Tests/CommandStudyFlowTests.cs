using System.Text.Json;
using System.Text.RegularExpressions;
using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>A study of the shipped <c>python-example</c> trial command, created from the New study form: each trial is
/// a Python process whose intermediate values appear on the open study page while it runs.</summary>
public sealed class CommandStudyFlowTests
{
    private static readonly TimeSpan StudyTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The running trials' lines in the intermediate-values chart: name and number of points drawn.</summary>
    private const string RunningLines = """
        () => [...document.querySelectorAll('#intermediate-values div.js-plotly-plot')]
                .flatMap(p => p.data || [])
                .filter(t => t.legendgroup === 'running' && (t.name || '').startsWith('trial '))
                .map(t => ({ name: t.name, points: (t.x || []).filter(v => v !== null).length }))
        """;

    [BrowserFact]
    public async Task A_python_command_study_from_the_form_draws_each_trials_values_while_it_runs()
    {
        // The repository's appsettings.json: python-example is configured; trials run in the test's own data folder.
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

            // --- the form: command objective, python-example, its placeholders added in one click ---
            await PythonExampleForm.OpenAsync(page, baseAddress);
            await Assertions.Expect(page.Locator("#command-description")).ToContainTextAsync("docs/commands/python/train.py");
            await Assertions.Expect(page.Locator("code.param-ref.missing")).ToHaveCountAsync(3);
            await PythonExampleForm.AddParametersAsync(page);
            await PythonExampleForm.MakeOptimizerCategoricalAsync(page);
            await page.FillAsync("#study-name", "e2e-python-command");
            await page.SelectOptionAsync("#sampler", "random");
            await page.FillAsync("#budget", "3");
            await page.PressAsync("#budget", "Tab");
            await Assertions.Expect(page.Locator("code.param-ref.missing")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".validation-message")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "command-study-form");
            await NewStudySubmit.CreateAsync(page);
            await Assertions.Expect(page.Locator("#study-command")).ToContainTextAsync("python-example");

            // --- while a trial runs, its line in the intermediate-values chart gains points ---
            var seen = new Dictionary<string, List<int>>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            string? growing = null;
            while (growing is null && DateTime.UtcNow < deadline)
            {
                var lines = await page.EvaluateAsync<JsonElement>(RunningLines);
                foreach (var line in lines.EnumerateArray())
                {
                    var name = line.GetProperty("name").GetString()!;
                    var points = line.GetProperty("points").GetInt32();
                    if (!seen.TryGetValue(name, out var counts)) seen[name] = counts = [];
                    if (counts.Count == 0 || counts[^1] != points) counts.Add(points);
                }
                growing = seen.FirstOrDefault(kv => kv.Value.Count >= 3 && kv.Value.Zip(kv.Value.Skip(1)).All(p => p.First < p.Second)).Key;
                if (growing is null) await page.WaitForTimeoutAsync(100);
            }
            Assert.True(growing is not null,
                $"no running trial's line grew in the page: {string.Join("; ", seen.Select(kv => $"{kv.Key}: {string.Join(",", kv.Value)}"))}");
            await ScreenshotAsync(page, "command-study-running");

            // --- the study completes with 3 trials of 8 reported steps each ---
            var options = new LocatorAssertionsToHaveTextOptions { Timeout = (float)StudyTimeout.TotalMilliseconds };
            await Assertions.Expect(page.Locator("#study-state")).ToHaveTextAsync("completed", options);
            await Assertions.Expect(page.Locator("#study-progress")).ToHaveTextAsync("3 / 3", options);
            await Assertions.Expect(page.Locator("table.trials tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("table.trials tbody tr.trial-complete")).ToHaveCountAsync(3);
            await page.WaitForFunctionAsync("""
                () => {
                    const lines = [...document.querySelectorAll('#intermediate-values div.js-plotly-plot')].flatMap(p => p.data || [])
                        .filter(t => (t.name || '').startsWith('trial '));
                    return lines.length === 3 && lines.every(t => t.x.length === 8 && t.legendgroup !== 'running') ? true : null;
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 30_000 });

            // --- hovering a line names the trial, its state and its parameters ---
            var hover = await page.EvaluateAsync<string>("""
                () => {
                    const gd = document.querySelector('#intermediate-values div.js-plotly-plot');
                    const curve = gd.data.findIndex(t => t.name === 'trial 1');
                    Plotly.Fx.hover(gd, [{ curveNumber: curve, pointNumber: 4 }]);
                    return gd.querySelector('.hoverlayer').textContent;
                }
                """);
            Assert.Contains("trial 1 · complete", hover);
            Assert.Contains("optimizer = ", hover);
            Assert.Contains("step 5: value", hover);

            // --- a trial's details: parameters, curve and the log its program printed ---
            await page.ClickAsync("table.trials tbody tr[data-trial='1']");
            var details = page.Locator("#trial-details[data-trial='1']");
            await Assertions.Expect(details).ToBeVisibleAsync();
            await Assertions.Expect(details.Locator("pre.log-tail")).ToContainTextAsync("step 8: validation accuracy");
            await Assertions.Expect(details.Locator(".trial-params tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(details.Locator(".js-plotly-plot")).ToHaveCountAsync(1);
            await ScreenshotAsync(page, "command-study-completed");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.WaitForTimeoutAsync(400); // let Plotly finish its transition
        var path = Browser.ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000);
    }
}
