using Bunit;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Analysis;

namespace BoDashboard.Web.Tests.Components.Analysis;

public sealed class ParallelCoordinatesChartTests : IDisposable
{
    private readonly BunitContext ctx = new();

    public ParallelCoordinatesChartTests() => ctx.JSInterop.Mode = JSRuntimeMode.Loose;

    private IRenderedComponent<ParallelCoordinatesChart> Render(IReadOnlyList<TrialDetails> trials, TrialSelection? selection = null,
        Action<TrialSelection?>? changed = null) =>
        ctx.Render<ParallelCoordinatesChart>(p => p
            .Add(c => c.Parameters, AnalysisTrials.Parameters)
            .Add(c => c.Trials, trials)
            .Add(c => c.Direction, "minimize")
            .Add(c => c.ValueLabel, "loss")
            .Add(c => c.Selection, selection)
            .Add(c => c.SelectionChanged, s => changed?.Invoke(s)));

    [Fact]
    public void No_trials_show_a_message_and_draw_nothing()
    {
        var cut = Render([]);
        Assert.Contains("No trial with a value yet", cut.Find(".plot-empty").TextContent);
        Assert.Empty(ctx.JSInterop.Invocations["boParcoords.draw"]);
    }

    [Fact]
    public void A_running_trial_alone_has_no_line()
    {
        var cut = Render([AnalysisTrials.Trial(0, TrialStates.Running, null)]);
        Assert.Single(cut.FindAll(".plot-empty"));
    }

    [Fact]
    public void One_trial_draws_one_line_across_every_axis()
    {
        var cut = Render([AnalysisTrials.Trial(0, TrialStates.Complete, 0.7, lr: 1e-3, layers: 4, optimizer: "rmsprop")]);

        Assert.Single(ctx.JSInterop.Invocations["boParcoords.draw"]);
        var figure = cut.Instance.Figure;
        Assert.Equal([0], figure.Numbers);
        var dimensions = (List<Dictionary<string, object?>>)figure.Trace["dimensions"]!;
        Assert.Equal(["learning_rate (log)", "layers", "optimizer", "loss"], dimensions.Select(d => (string)d["label"]!));
        Assert.Equal(-3.0, (double)((List<object>)dimensions[0]["values"]!)[0], 12);
        Assert.Equal(4.0, (double)((List<object>)dimensions[1]["values"]!)[0]);
        Assert.Equal(2, (int)((List<object>)dimensions[2]["values"]!)[0]);
        Assert.Equal(0.7, (double)((List<object>)dimensions[3]["values"]!)[0]);
    }

    [Fact]
    public void Many_trials_get_log_ticks_in_natural_units_named_choices_and_a_value_axis_coloured_better_is_brighter()
    {
        var cut = Render(AnalysisTrials.Many(12));

        var figure = cut.Instance.Figure;
        Assert.Equal(Enumerable.Range(0, 12), figure.Numbers); // the running trial has no value: no line
        var dimensions = (List<Dictionary<string, object?>>)figure.Trace["dimensions"]!;
        Assert.Equal(new object[] { -5.0, -1.0 }, (object[])dimensions[0]["range"]!);
        Assert.Equal(["1e-5", "0.0001", "0.001", "0.01", "0.1"], (List<string>)dimensions[0]["ticktext"]!);
        Assert.Equal(["sgd", "adam", "rmsprop"], (List<string>)dimensions[2]["ticktext"]!);
        Assert.Equal(new object[] { 0, 1, 2 }, ((List<object>)dimensions[2]["tickvals"]!).ToArray());
        var line = (Dictionary<string, object?>)figure.Trace["line"]!;
        Assert.True((bool)line["reversescale"]!); // minimising: small values bright
        Assert.Equal("parcoords", figure.Trace["type"]);
    }

    [Fact]
    public async Task A_brush_reported_by_the_script_becomes_the_selection_and_clearing_it_takes_the_brushes_off()
    {
        TrialSelection? selected = null;
        var cut = Render(AnalysisTrials.Many(6), changed: s => selected = s);

        await cut.InvokeAsync(() => cut.Instance.OnBrush([1, 4]));
        Assert.Equal([1, 4], selected!.Numbers.Order());

        // The page keeps the selection, then its "clear" sets it to null: the chart clears the axes' ranges.
        cut.Render(p => p.Add(c => c.Selection, selected));
        Assert.Empty(ctx.JSInterop.Invocations["boParcoords.clear"]);
        cut.Render(p => p.Add(c => c.Selection, (TrialSelection?)null));
        Assert.Single(ctx.JSInterop.Invocations["boParcoords.clear"]);
    }

    [Fact]
    public void Rerendering_with_the_same_trials_does_not_redraw_but_a_finished_trial_does()
    {
        var trials = AnalysisTrials.Many(5);
        var cut = Render(trials);
        cut.Render(p => p.Add(c => c.Trials, trials.ToList()));
        Assert.Single(ctx.JSInterop.Invocations["boParcoords.draw"]);

        cut.Render(p => p.Add(c => c.Trials, AnalysisTrials.Many(6)));
        Assert.Equal(2, ctx.JSInterop.Invocations["boParcoords.draw"].Count);
    }

    [Fact]
    public void Log_ticks_add_the_ends_when_the_range_spans_less_than_two_decades()
    {
        Assert.Equal([0.5, 1.0, 1.5], ParallelCoordinatesFigure.LogTicks(0.5, 1.5));
        Assert.Equal([-4.0, -3.0, -2.0], ParallelCoordinatesFigure.LogTicks(-4, -2));
    }

    public void Dispose() => ctx.Dispose();
}
