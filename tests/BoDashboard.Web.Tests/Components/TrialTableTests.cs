using Bunit;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.StudyView;

namespace BoDashboard.Web.Tests.Components;

public sealed class TrialTableTests
{
    private static TrialDetails Trial(int number, double? value, string state = TrialStates.Complete) => new(
        number + 100, number, state, new Dictionary<string, object> { ["x"] = number * 0.5 }, value, "gp-ei", null,
        new DateTime(2026, 1, 1), state == TrialStates.Running ? null : new DateTime(2026, 1, 1).AddSeconds(2), state == TrialStates.Running ? null : 2.0,
        null, "w", []);

    [Fact]
    public void Each_trial_that_improved_the_best_so_far_is_highlighted()
    {
        using var ctx = new BunitContext();
        TrialDetails[] trials = [Trial(0, 0.5), Trial(1, 0.4), Trial(2, 0.7), Trial(3, 0.7), Trial(4, 0.9), Trial(5, null, TrialStates.Running)];

        var table = ctx.Render<TrialTable>(p => p.Add(t => t.Trials, trials).Add(t => t.ParameterNames, ["x"]).Add(t => t.Direction, "maximize").Add(t => t.BestNumber, 4));

        var highlighted = table.FindAll("tr.new-best").Select(r => int.Parse(r.GetAttribute("data-trial")!)).ToArray();
        Assert.Equal([0, 2, 4], highlighted); // trial 3 only tied the best
        Assert.Equal("4", table.Find("tr.best").GetAttribute("data-trial"));
    }

    [Fact]
    public void Minimising_studies_highlight_decreasing_values()
    {
        Assert.Equal([0, 1, 3], TrialTable.FindNewBests([Trial(0, 5), Trial(1, 3), Trial(2, 4), Trial(3, 1)], "minimize").Order());
    }

    [Fact]
    public void Ten_thousand_trials_render_one_page_at_a_time_and_sort()
    {
        using var ctx = new BunitContext();
        var trials = Enumerable.Range(0, 10_000).Select(i => Trial(i, Math.Sin(i))).ToArray();

        var table = ctx.Render<TrialTable>(p => p.Add(t => t.Trials, trials).Add(t => t.ParameterNames, ["x"]));

        Assert.Equal(20, table.FindAll("tbody tr").Count);
        Assert.Contains("Page 1 of 500", table.Find(".page-info").TextContent);
        table.FindAll(".pager button")[2].Click(); // Next
        Assert.Equal("20", table.Find("tbody tr").GetAttribute("data-trial"));
        table.FindAll(".pager button")[3].Click(); // Last
        Assert.Equal("9999", table.FindAll("tbody tr")[^1].GetAttribute("data-trial"));

        // Sorting by value, descending: the largest sin(i) first, back on page 1.
        var valueHeader = table.FindAll("th .sort").Single(b => b.TextContent.StartsWith("Value"));
        valueHeader.Click();
        valueHeader = table.FindAll("th .sort").Single(b => b.TextContent.StartsWith("Value"));
        valueHeader.Click();
        var expected = trials.OrderByDescending(t => t.Value).First().Number;
        Assert.Equal(expected.ToString(), table.Find("tbody tr").GetAttribute("data-trial"));
        Assert.Contains("Page 1 of 500", table.Find(".page-info").TextContent);
    }
}
