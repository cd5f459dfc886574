using Plotly.Blazor.LayoutLib;

namespace BoDashboard.Web.Components.Plots;

/// <summary>The look shared by every chart: fonts, margins, grid colours, axis titles that say when a scale is log.</summary>
public static class PlotStyle
{
    public const string Ink = "#1d2330";
    public const string Grid = "#e4e7ec";
    public const string Accent = "#3056d3";
    public const string Candidate = "#e11d48";
    public const string Best = "#f59e0b";

    public static Font Font => new() { Family = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", Size = 12, Color = Ink };

    public static string AxisTitle(string name, bool log) => log ? $"{name} (log scale)" : name;

    public static XAxis XAxis(string title, bool log, IList<object>? domain = null, string? anchor = null) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = title },
        Type = log ? Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log : Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Linear,
        Domain = domain,
        Anchor = anchor,
        GridColor = Grid,
        ZeroLine = false,
    };

    public static YAxis YAxis(string title, bool log, IList<object>? domain = null, string? anchor = null) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = title },
        Type = log ? Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log : Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Linear,
        Domain = domain,
        Anchor = anchor,
        GridColor = Grid,
        ZeroLine = false,
    };

    public static IList<object> Objects(IEnumerable<double> values) => values.Select(v => (object)v).ToList();

    public static IList<object> Objects(IEnumerable<int> values) => values.Select(v => (object)v).ToList();
}
