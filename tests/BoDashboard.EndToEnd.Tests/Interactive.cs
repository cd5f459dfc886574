using Microsoft.Playwright;

namespace BoDashboard.EndToEnd.Tests;

/// <summary>A page is prerendered before its Blazor circuit connects; an input given before that is lost. These helpers
/// repeat an action until its effect shows.</summary>
public static class Interactive
{
    public static async Task UntilAsync(Func<Task> act, Func<Task> effect)
    {
        for (var attempt = 0; ; attempt++)
        {
            await act();
            try
            {
                await effect();
                return;
            }
            catch (PlaywrightException) when (attempt < 10) { }
        }
    }

    public static Task UntilVisibleAsync(Func<Task> act, ILocator effect) =>
        UntilAsync(act, () => Assertions.Expect(effect).ToBeVisibleAsync(new() { Timeout = 2000 }));
}
