using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;

namespace BoDashboard.Web.Components.Plots;

/// <summary>A Plotly figure drawn from one input value: the figure is rebuilt only when the input changes, and
/// redrawn in place (Plotly.react) so live updates and replays do not flicker. Inputs are compared with
/// <see cref="object.Equals(object?, object?)"/>: a list is the same input while it is the same instance, and a tuple
/// such as <c>(Points, ValueLabel)</c> is the same while its parts are, so a parent that re-renders for another reason
/// (a progress bar moving four times a second) costs no redraw.</summary>
public abstract class PlotBase : ComponentBase
{
    private object? drawn;
    private bool dirty;

    protected PlotlyChart? Chart { get; set; }

    protected IList<ITrace> Data { get; private set; } = [];

    protected Plotly.Blazor.Layout Figure { get; private set; } = new();

    protected Config Config { get; } = new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = DisplayModeBarEnum.Hover,
    };

    /// <summary>The value the figure is drawn from; a value not equal to the last one means a redraw.</summary>
    protected abstract object? Input { get; }

    protected abstract (IList<ITrace> Data, Plotly.Blazor.Layout Layout) Build();

    /// <summary>The traces of the current figure, for tests and for callers that inspect what is drawn.</summary>
    public IReadOnlyList<ITrace> Traces => (IReadOnlyList<ITrace>)Data;

    public Plotly.Blazor.Layout CurrentLayout => Figure;

    /// <summary>The chart element's style: the figure's own height. Plotly.Blazor gives every chart a 350 px minimum,
    /// which would leave a blank band under a shorter figure.</summary>
    protected string HeightStyle => Figure.Height is { } h
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"min-height: {h}px; height: {h}px")
        : "";

    protected override void OnParametersSet()
    {
        var input = Input;
        if (Equals(drawn, input) && Data.Count > 0) return;
        drawn = input;
        (Data, Figure) = Build();
        dirty = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender || !dirty || Chart is null)
        {
            dirty = false;
            return;
        }
        dirty = false;
        await Chart.React();
    }
}
