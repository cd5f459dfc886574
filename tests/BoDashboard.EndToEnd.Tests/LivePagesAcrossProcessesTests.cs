using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>The web process serves the page; the trials run in worker processes, so no event of theirs reaches the
/// page's process. The study page still shows each finished trial within 2 s of the worker finishing it, and the
/// running trial's epoch progress as the worker stores it. Runs through tests/scale-out/live-pages.sh.</summary>
/// <remarks>"Shown" is when the row enters the page (a MutationObserver in the page notes it) and the browser's next
/// frame has begun (requestAnimationFrame), measured from the trial's FinishedAt; worker, web process and browser share
/// this machine's clock. Playwright's own wait for the row is kept, with a generous timeout, but not timed: its polling
/// runs on the page's main thread, which the first finished trial's new charts keep busy, and it reported 1.5-2.6 s
/// for a row that had been painted 120 ms after the worker finished the trial.</remarks>
public sealed class LivePagesAcrossProcessesTests
{
    private const int Budget = 3;
    private static readonly TimeSpan ShowWithin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StudyTimeout = TimeSpan.FromSeconds(180);
    /// <summary>How long to wait for a late row anyway, so that a failure says how late it was.</summary>
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(30);

    /// <summary>The running trial's progress label and its bar's value attribute (empty while indeterminate).</summary>
    private const string RunningBar = """
        () => {
            const label = document.querySelector('#running-trial #running-trial-label');
            const bar = document.querySelector('#running-trial progress');
            return label && bar ? [label.textContent, bar.getAttribute('value') ?? ''] : null;
        }
        """;

    /// <summary>Notes, per row and state class ("3 trial-complete"), when a row first has that class and when the next
    /// frame after that began.</summary>
    private const string WatchRows = """
        () => {
            window.__rowShown = {};
            const note = () => document.querySelectorAll('table.trials tbody tr[data-trial]').forEach(row => {
                for (const c of row.classList) {
                    const key = row.dataset.trial + ' ' + c;
                    if (!c.startsWith('trial-') || key in window.__rowShown) continue;
                    window.__rowShown[key] = null;
                    requestAnimationFrame(() => { window.__rowShown[key] = Date.now(); });
                }
            });
            new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
            note();
        }
        """;

    [PostgresWebFact]
    public async Task The_study_page_shows_each_trial_a_worker_finishes_within_2_s_and_the_running_trials_progress()
    {
        using var http = new HttpClient { BaseAddress = PostgresWebFactAttribute.BaseAddress };
        var id = await CreateStudyAsync(http);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            await page.GotoAsync(new Uri(http.BaseAddress!, $"studies/{id}").ToString());
            await Assertions.Expect(page.Locator("#study-progress")).ToContainTextAsync($"/ {Budget}");
            await page.EvaluateAsync(WatchRows);

            var shown = new Dictionary<int, TimeSpan>();
            var progressLabels = new List<string>();
            var workers = new HashSet<string>();
            var clock = Stopwatch.StartNew();
            while (shown.Count < Budget)
            {
                Assert.True(clock.Elapsed < StudyTimeout, $"the study did not finish its {Budget} trials in {StudyTimeout}; shown so far: {string.Join(", ", shown.Keys)}");
                var trials = (await GetStudyAsync(http, id))["trials"]!.AsArray();
                foreach (var trial in trials)
                {
                    var number = (int)trial!["number"]!;
                    var state = (string)trial["state"]!;
                    if (trial["workerName"] is { } worker) workers.Add((string)worker!);
                    if (state == "running" || shown.ContainsKey(number)) continue;
                    // The API (same web process, same database) has it: the page must have shown it within 2 s of the
                    // worker finishing it.
                    var row = page.Locator($"table.trials tbody tr[data-trial='{number}'].trial-{state}");
                    await row.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Late.TotalMilliseconds });
                    var finishedAt = DateTimeOffset.Parse((string)trial["finishedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
                    var shownAt = await page.WaitForFunctionAsync($"() => window.__rowShown['{number} trial-{state}']");
                    shown[number] = DateTimeOffset.FromUnixTimeMilliseconds((long)await shownAt.JsonValueAsync<double>()) - finishedAt;
                    Assert.True(shown[number] <= ShowWithin,
                        $"trial {number} ({state}) appeared on the page {shown[number].TotalSeconds:0.0} s after the worker finished it (at most {ShowWithin.TotalSeconds} s)");
                }
                // The label and the bar in one read: the page may redraw between two reads.
                var bar = await page.EvaluateAsync<string[]?>(RunningBar);
                if (bar is [var text, var value] && text.Contains("epoch", StringComparison.Ordinal) && (progressLabels.Count == 0 || progressLabels[^1] != text))
                {
                    progressLabels.Add(text);
                    Assert.True(double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var fraction) && fraction > 0,
                        $"the progress bar has no value ('{value}') beside '{text}'");
                }
                await page.WaitForTimeoutAsync(200);
            }

            Console.WriteLine($"[live-pages] finished trials shown after the worker finished them: {string.Join(", ", shown.OrderBy(s => s.Key).Select(s => $"trial {s.Key} {s.Value.TotalMilliseconds:0} ms"))}");
            Console.WriteLine($"[live-pages] progress labels seen: {string.Join(" | ", progressLabels)}; workers: {string.Join(", ", workers)}");
            Assert.DoesNotContain(workers, w => w.Length == 0);
            // Progress moved while the page watched: at least two different stored readings, with an epoch label.
            Assert.True(progressLabels.Count >= 2, $"the running trial's progress was not followed: {string.Join(" | ", progressLabels)}");
            await Assertions.Expect(page.Locator("#study-state")).ToHaveTextAsync("completed", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("live-pages-postgresql"), FullPage = true });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<int> CreateStudyAsync(HttpClient http)
    {
        var definition = new
        {
            name = $"live pages across processes {DateTime.UtcNow:HH:mm:ss}",
            objective = new { kind = "command", command = "epochs" },
            parameters = new object[] { new { name = "x", type = "float", low = 0, high = 1 } },
            sampler = new { name = "random", seed = 7 },
            budget = Budget,
        };
        using var content = new StringContent(JsonSerializer.Serialize(definition), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("api/studies", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating the study answered {(int)response.StatusCode}: {body}");
        return (int)JsonNode.Parse(body)!["id"]!;
    }

    private static async Task<JsonNode> GetStudyAsync(HttpClient http, int id) =>
        JsonNode.Parse(await http.GetStringAsync($"api/studies/{id}"))!;
}
