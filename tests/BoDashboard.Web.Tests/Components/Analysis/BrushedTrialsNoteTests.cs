using Bunit;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Analysis;

namespace BoDashboard.Web.Tests.Components.Analysis;

public sealed class BrushedTrialsNoteTests
{
    [Fact]
    public void Shows_nothing_without_a_selection()
    {
        using var ctx = new BunitContext();
        var cut = ctx.Render<BrushedTrialsNote>(p => p.Add(n => n.Selection, null).Add(n => n.Total, 10));
        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void Counts_the_matching_trials_and_clears()
    {
        using var ctx = new BunitContext();
        var cleared = false;
        var cut = ctx.Render<BrushedTrialsNote>(p => p
            .Add(n => n.Selection, new TrialSelection(new HashSet<int> { 2, 5, 7 }))
            .Add(n => n.Total, 10)
            .Add(n => n.OnClear, () => cleared = true));

        Assert.Equal("3 of 10 trials match the selected ranges · clear", System.Text.RegularExpressions.Regex.Replace(cut.Find("#brushed-note").TextContent, @"\s+", " ").Trim());
        cut.Find("#clear-brush").Click();
        Assert.True(cleared);
    }

    [Fact]
    public void The_filter_keeps_the_selected_trials_in_order_and_all_without_a_selection()
    {
        var trials = AnalysisTrials.Many(6);
        Assert.Same(trials, TrialSelection.Filter(null, trials));
        Assert.Equal([1, 4], TrialSelection.Filter(new TrialSelection(new HashSet<int> { 4, 1, 99 }), trials).Select(t => t.Number));
        Assert.Empty(TrialSelection.Filter(new TrialSelection(new HashSet<int>()), trials));
        Assert.Equal(TrialStates.Complete, TrialSelection.Filter(new TrialSelection(new HashSet<int> { 0 }), trials)[0].State);
    }
}
