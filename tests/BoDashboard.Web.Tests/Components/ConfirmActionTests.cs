using Bunit;
using BoDashboard.Web.Components.Controls;

namespace BoDashboard.Web.Tests.Components;

public sealed class ConfirmActionTests
{
    [Fact]
    public async Task Cancel_asks_first_then_shows_that_it_runs_and_cannot_be_pressed_twice()
    {
        using var ctx = new BunitContext();
        var running = new TaskCompletionSource();
        var calls = 0;
        var cut = ctx.Render<ConfirmAction>(p => p
            .Add(c => c.Id, "cancel").Add(c => c.Label, "Cancel").Add(c => c.Question, "Stop this study for good?")
            .Add(c => c.ConfirmLabel, "Yes, cancel").Add(c => c.KeepLabel, "Keep running").Add(c => c.BusyLabel, "Cancelling…")
            .Add(c => c.OnConfirm, () => { calls++; return running.Task; }));

        cut.Find("#cancel").Click();
        Assert.Equal(0, calls);
        Assert.Contains("Stop this study for good?", cut.Find(".confirm").TextContent);

        // "Keep running" goes back without acting.
        cut.Find("#cancel-keep").Click();
        Assert.Equal("Cancel", cut.Find("#cancel").TextContent);
        cut.Find("#cancel").Click();

        var confirm = cut.Find("#cancel-confirm");
        var click = confirm.ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Cancelling…", cut.Find("#cancel-confirm").TextContent));
        Assert.True(cut.Find("#cancel-confirm").HasAttribute("disabled"));
        Assert.Equal("true", cut.Find("#cancel-confirm").GetAttribute("aria-busy"));
        Assert.Equal(1, calls);

        running.SetResult();
        await click;
        cut.WaitForAssertion(() => Assert.Equal("Cancel", cut.Find("#cancel").TextContent));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task An_action_button_is_enabled_again_when_its_action_fails()
    {
        using var ctx = new BunitContext();
        var failing = new TaskCompletionSource();
        var cut = ctx.Render<ActionButton>(p => p.Add(c => c.Id, "pause").Add(c => c.Label, "Pause").Add(c => c.OnClick, () => failing.Task));

        var click = cut.Find("#pause").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Pause…", cut.Find("#pause").TextContent));
        failing.SetException(new InvalidOperationException("boom"));
        try { await click; } catch (InvalidOperationException) { } // the renderer reports the failure; the button must recover
        Assert.Equal("Pause", cut.Find("#pause").TextContent);

        Assert.False(cut.Find("#pause").HasAttribute("disabled"));
        Assert.Equal("Pause", cut.Find("#pause").TextContent);
    }
}
