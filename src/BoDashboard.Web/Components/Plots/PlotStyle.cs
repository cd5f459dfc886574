using Plotly.Blazor.LayoutLib;

namespace BoDashboard.Web.Components.Plots;

/// <summary>The look shared by every chart: fonts, margins, grid colours, axis titles that say when a scale is log.
/// <see cref="Ink"/>, <see cref="Grid"/> and <see cref="Background"/> are the light palette; in dark mode the browser's
/// wwwroot/plot-theme.js maps exactly these colours to the dark ones (the --plot-* CSS variables) when a figure is drawn,
/// so charts say which role a colour has by using these constants.</summary>
public static class PlotStyle
{
    public const string Ink = "#1d2330";
    public const string Grid = "#e4e7ec";
    public const string Background = "#ffffff";
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

    /// <summary>A #rrggbb colour as rgba with the given opacity (band fills).</summary>
    public static string Translucent(string hex, double opacity) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"rgba({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)},{opacity})");

    public static IList<object> Objects(IEnumerable<double> values) => values.Select(v => (object)v).ToList();

    public static IList<object> Objects(IEnumerable<int> values) => values.Select(v => (object)v).ToList();
}
