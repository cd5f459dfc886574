using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>The New study form steps that every browser test of the shipped <c>python-example</c> command takes: the
/// command objective, the command, its three parameters added in one click, the optimizer made a choice.</summary>
public static class PythonExampleForm
{
    /// <summary>Opens the form with the command objective and python-example chosen (parameters not yet added).</summary>
    public static async Task OpenAsync(IPage page, Uri baseAddress)
    {
        await page.GotoAsync(new Uri(baseAddress, "studies/new").ToString());
        // Until the circuit is connected a choice does nothing: choose the command objective until its picker shows.
        for (var attempt = 0; attempt < 50 && await page.Locator("#command").CountAsync() == 0; attempt++)
        {
            await page.SelectOptionAsync("#objective", "command");
            await page.WaitForTimeoutAsync(200);
        }
        await page.SelectOptionAsync("#command", "python-example");
    }

    /// <summary>Adds the command's missing parameters in one click: x, y and optimizer, as floats in [0, 1].</summary>
    public static async Task AddParametersAsync(IPage page)
    {
        await page.ClickAsync("#add-command-parameters");
        await Assertions.Expect(page.Locator(".param-name")).ToHaveCountAsync(3);
        Assert.Equal(["x", "y", "optimizer"], await page.Locator(".param-name").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"));
    }

    /// <summary>The optimizer is a choice, not a number: the user edits the added row.</summary>
    public static async Task MakeOptimizerCategoricalAsync(IPage page)
    {
        await page.Locator("select[aria-label='parameter type']").Nth(2).SelectOptionAsync("categorical");
        await FillAsync(page.Locator("input[aria-label='choices']").Nth(2), "sgd, adam, rmsprop");
    }

    /// <summary>Types a value and leaves the field, so the form validates it.</summary>
    public static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }
}
