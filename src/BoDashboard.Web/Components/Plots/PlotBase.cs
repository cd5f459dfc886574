using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.ConfigLib;

namespace BoDashboard.Web.Components.Plots;

/// <summary>A Plotly figure drawn from one input value: the figure is rebuilt only when the input object changes, and
/// redrawn in place (Plotly.react) so live updates and replays do not flicker.</summary>
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

    /// <summary>The value the figure is drawn from; a new instance means a redraw.</summary>
    protected abstract object? Input { get; }

    protected abstract (IList<ITrace> Data, Plotly.Blazor.Layout Layout) Build();

    /// <summary>The traces of the current figure, for tests and for callers that inspect what is drawn.</summary>
    public IReadOnlyList<ITrace> Traces => (IReadOnlyList<ITrace>)Data;

    public Plotly.Blazor.Layout CurrentLayout => Figure;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(drawn, Input) && Data.Count > 0) return;
        drawn = Input;
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
