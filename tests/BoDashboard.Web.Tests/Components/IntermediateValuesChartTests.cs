using Bunit;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Plots;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;

namespace BoDashboard.Web.Tests.Components;

public sealed class IntermediateValuesChartTests
{
    private static TrialDetails Trial(int number, string state, params (int Step, double Value)[] curve) => new(
        number + 100, number, state, new Dictionary<string, object> { ["x"] = number * 0.25, ["optimizer"] = "adam" },
        state is TrialStates.Complete or TrialStates.Pruned && curve.Length > 0 ? curve[^1].Value : null, "random", null,
        new DateTime(2026, 1, 1), null, null, null, "w", curve.Select(c => new IntermediateValue(c.Step, c.Value)).ToList());

    private static List<TrialDetails> Trials() =>
    [
        Trial(0, TrialStates.Complete, (1, 0.5), (2, 0.6), (3, 0.7)),
        Trial(1, TrialStates.Pruned, (1, 0.2), (2, 0.25)),
        Trial(2, TrialStates.Failed), // failed before its first report: no line
        Trial(3, TrialStates.Complete, (1, 0.6), (2, 0.8), (3, 0.9)),
        Trial(4, TrialStates.Running, (1, 0.4)),
    ];

    private static Scatter TrialTrace(IReadOnlyList<Plotly.Blazor.ITrace> traces, int number) =>
        traces.OfType<Scatter>().Single(s => s.Name == $"trial {number}");

    [Fact]
    public void Draws_one_line_per_trial_with_values_and_marks_where_a_pruned_trial_stopped()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = ctx.Render<IntermediateValuesChart>(p => p.Add(c => c.Trials, Trials()).Add(c => c.ValueLabel, "accuracy").Add(c => c.BestNumber, 3));

        var traces = cut.Instance.Traces;
        Assert.Equal(["trial 0", "trial 1", "trial 3", "trial 4"], traces.OfType<Scatter>().Select(s => s.Name).Where(n => n.StartsWith("trial ")).Order());
        Assert.Equal([1, 2, 3], TrialTrace(traces, 0).X.Cast<int>());
        Assert.Equal([0.5, 0.6, 0.7], TrialTrace(traces, 0).Y.Cast<double>());
        // Lines are grouped (coloured, and toggled from the legend) by state; the best trial has a group of its own.
        Assert.Equal(["complete", "pruned", "best", "running"], new[] { 0, 1, 3, 4 }.Select(n => TrialTrace(traces, n).LegendGroup));
        Assert.NotEqual(TrialTrace(traces, 0).Line.Color, TrialTrace(traces, 4).Line.Color);
        Assert.Equal("dot", TrialTrace(traces, 1).Line.Dash);

        // The pruned trial's last point carries an x marker.
        var ends = traces.OfType<Scatter>().Single(s => s.Name == IntermediateValuesChart.PrunedEndsName);
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers, ends.Mode);
        Assert.Equal(SymbolEnum.X, ends.Marker.Symbol);
        Assert.Equal([2], ends.X.Cast<int>());
        Assert.Equal([0.25], ends.Y.Cast<double>());
        Assert.Contains("pruned at step 2", Assert.Single(ends.TextArray));

        // Hovering a line names the trial, its state and its parameters.
        var hover = TrialTrace(traces, 1).HoverTemplate;
        Assert.Contains("<b>trial 1</b> · pruned", hover);
        Assert.Contains("x = 0.25<br>optimizer = adam", hover);
        Assert.Contains("accuracy %{y:.4g}", hover);

        // One legend entry per state present, and none for the trials' own lines.
        Assert.Equal(["complete", "pruned (× where it stopped)", "best trial", "running"],
            traces.OfType<Scatter>().Where(s => s.ShowLegend == true).Select(s => s.Name));
        Assert.Equal("step", cut.Instance.CurrentLayout.XAxis[0].Title.Text);
        Assert.Equal("accuracy", cut.Instance.CurrentLayout.YAxis[0].Title.Text);
        Assert.Single(cut.FindAll(".plot.intermediate-values"));
    }

    [Fact]
    public void A_running_trials_line_grows_when_the_page_reloads_with_its_new_values_and_only_then()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var trials = Trials();
        var cut = ctx.Render<IntermediateValuesChart>(p => p.Add(c => c.Trials, trials));
        var first = cut.Instance.Traces;

        // The parent re-rendering with the same trials (a progress bar moving) does not rebuild the figure.
        cut.Render(p => p.Add(c => c.Trials, trials));
        Assert.Same(first, cut.Instance.Traces);

        // A reload after the running trial reported step 2.
        var reloaded = trials.ToList();
        reloaded[4] = Trial(4, TrialStates.Running, (1, 0.4), (2, 0.55));
        cut.Render(p => p.Add(c => c.Trials, reloaded));

        Assert.NotSame(first, cut.Instance.Traces);
        Assert.Equal([1, 2], TrialTrace(cut.Instance.Traces, 4).X.Cast<int>());
        Assert.Equal([0.4, 0.55], TrialTrace(cut.Instance.Traces, 4).Y.Cast<double>());
    }

    [Fact]
    public void Trials_without_intermediate_values_draw_nothing()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = ctx.Render<IntermediateValuesChart>(p => p.Add(c => c.Trials, [Trial(0, TrialStates.Complete), Trial(1, TrialStates.Running)]));

        Assert.Empty(cut.Instance.Traces);
        Assert.Single(cut.FindAll(".plot-empty"));
    }
}
