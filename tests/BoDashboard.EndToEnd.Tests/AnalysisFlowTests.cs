using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BoDashboard.Tests.Shared;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>The study page's analysis of a 4-parameter analytic study (rosenbrock4): an importance bar per parameter,
/// four slices, and parallel coordinates whose brushing filters the trial table.</summary>
public sealed class AnalysisFlowTests
{
    private const int Budget = 14;

    [BrowserFact]
    public async Task Importance_slices_and_brushing_the_parallel_coordinates_of_a_4_parameter_study()
    {
        using var app = new TestDashboardFactory();
        var baseAddress = app.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = baseAddress };
        var created = await http.PostAsJsonAsync("api/studies", new
        {
            name = "e2e-rosenbrock4",
            objective = new { kind = "analytic", function = "rosenbrock4" },
            sampler = new { name = "gp-ei", initialPoints = 8, seed = 3 },
            budget = Budget,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (int)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(new Uri(baseAddress, $"studies/{id}").ToString());
            var completion = new LocatorAssertionsToHaveTextOptions { Timeout = 120_000 };
            await Assertions.Expect(page.Locator("#study-progress")).ToHaveTextAsync($"{Budget} / {Budget}", completion);

            // Importance: one bar per parameter in each of the two traces, with error bars.
            var bars = await page.WaitForFunctionAsync("""
                () => {
                    const plot = document.querySelector('#importance .js-plotly-plot');
                    const total = plot && (plot.data || []).find(t => t.name === 'total effect');
                    return total && total.x.length === 4 && total.error_y && total.error_y.array.length === 4 ? total.x : null;
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            var names = await bars.JsonValueAsync<string[]>();
            Assert.Equal(["x1", "x2", "x3", "x4"], names.Order());

            // Slices: one plot per parameter, each with the GP band and the trials.
            await Assertions.Expect(page.Locator("#slices .slice-plot")).ToHaveCountAsync(4, new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync("""
                () => [...document.querySelectorAll('#slices .slice-plot .js-plotly-plot')]
                        .filter(p => (p.data || []).some(t => t.name === 'GP mean ± 2σ')).length === 4 ? true : null
                """, null, new PageWaitForFunctionOptions { Timeout = 60_000 });

            // Parallel coordinates: 4 parameter axes and the value axis, one line per trial.
            await page.WaitForFunctionAsync($$"""
                () => {
                    const el = document.querySelector('#parcoords');
                    const trace = el && el.data && el.data[0];
                    return trace && trace.type === 'parcoords' && trace.dimensions.length === 5 && trace.dimensions[4].values.length === {{Budget}} ? true : null;
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            var rows = page.Locator("table.trials tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(Budget);

            // Brush the first axis (x1) over its upper part with the mouse: the table keeps only the trials inside.
            var brush = page.Locator("#parcoords .axis-brush rect.background").First;
            await brush.ScrollIntoViewIfNeededAsync();
            var box = await brush.BoundingBoxAsync() ?? throw new InvalidOperationException("the x1 axis has no brush area");
            var x = box.X + box.Width / 2;
            await page.Mouse.MoveAsync((float)x, (float)(box.Y + box.Height * 0.05));
            await page.Mouse.DownAsync();
            for (var step = 1; step <= 10; step++)
            {
                await page.Mouse.MoveAsync((float)x, (float)(box.Y + box.Height * (0.05 + 0.045 * step)));
            }
            await page.Mouse.UpAsync();

            await Assertions.Expect(page.Locator("#brushed-note")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            var matching = await rows.CountAsync();
            Assert.InRange(matching, 0, Budget - 1);
            await Assertions.Expect(page.Locator("#brushed-note")).ToContainTextAsync($"{matching} of {Budget} trials");
            var brushedValues = await page.EvaluateAsync<double[]>("""
                () => {
                    const d = document.querySelector('#parcoords').data[0].dimensions[0];
                    const r = Array.isArray(d.constraintrange[0]) ? d.constraintrange[0] : d.constraintrange;
                    return [Math.min(...r), Math.max(...r)];
                }
                """);
            Assert.True(brushedValues[1] > brushedValues[0]);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("analysis-brushed"), FullPage = true });

            // "clear" removes the brush and brings every trial back.
            await page.ClickAsync("#clear-brush");
            await Assertions.Expect(rows).ToHaveCountAsync(Budget);
            await Assertions.Expect(page.Locator("#brushed-note")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#parcoords').data[0].dimensions.every(d => !d.constraintrange)"));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
