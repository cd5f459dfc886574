using System.Globalization;
using System.Net;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Web.Components.Formatting;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;
using Line = Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line;

namespace BoDashboard.Web.Components.Plots;

/// <summary>
/// The trials and candidates drawn over a posterior map: completed trials as dots faded by their distance from the
/// slice, pruned trials as rings, running trials as hollow diamonds, the best as a star and the sampler's next
/// proposal as a cross. Hovering any of them names the trial, its value and all its parameters.
/// </summary>
public static class PosteriorMarks
{
    public const string ObservedName = "observed trials";
    public const string PrunedName = "pruned trials";
    public const string RunningName = "running trials";
    public const string BestName = "best trial";
    public const string NextName = "next candidate";

    /// <summary>The faintest a trial far from the slice is drawn.</summary>
    public const double MinOpacity = 0.15;

    /// <summary>Opacity from the normalised distance: 1 on the slice, <see cref="MinOpacity"/> at the far corner.</summary>
    public static double Opacity(double distance) => 1 - (1 - MinOpacity) * Math.Clamp(distance, 0, 1);

    /// <summary>Plotly's per-marker opacities for marks at these distances from the slice.</summary>
    private static List<decimal?> Opacities(IEnumerable<double> distances) =>
        distances.Select(d => (decimal?)Math.Round((decimal)Opacity(d), 3)).ToList();

    public static IEnumerable<ITrace> For2D(PosteriorSlice2D s, string suffix, bool showLegend)
    {
        yield return Trials(ObservedName, s.Observations, o => o.Y ?? double.NaN, o => Hover(o, false, s.XName, s.YName), suffix, showLegend,
            new Marker { Color = "#000000", Size = 7, Line = new Line { Color = "#ffffff", Width = 1 } });
        if (s.PrunedObservations.Count > 0)
        {
            yield return Trials(PrunedName, s.PrunedObservations, o => o.Y ?? double.NaN, o => Hover(o, true, s.XName, s.YName),
                suffix, showLegend, PrunedMarker);
        }
        if (s.RunningTrials.Count > 0)
        {
            yield return Running(s.RunningTrials, r => r.Y ?? double.NaN, suffix, showLegend);
        }
        if (s.Best is { } best)
        {
            yield return Point(BestName, best, ToDouble(best.Params[s.XName]), ToDouble(best.Params[s.YName]), suffix, showLegend,
                SymbolEnum.Star, PlotStyle.Best, 17, BestHover(best));
        }
        if (s.NextCandidate is { } next)
        {
            var cross = Point(NextName, next, ToDouble(next.Params[s.XName]), ToDouble(next.Params[s.YName]), suffix, showLegend,
                SymbolEnum.X, PlotStyle.Candidate, 15, NextHover(next));
            // Off this slice (another choice, other values off the axes): drawn faded, like the trials.
            cross.Marker.Opacity = Math.Round((decimal)Opacity(next.Distance), 3);
            yield return cross;
        }
    }

    /// <summary>Trials at their x and <paramref name="y"/>, each faded by its distance from the slice.</summary>
    public static Scatter Trials(string name, IReadOnlyList<PosteriorObservation> trials, Func<PosteriorObservation, double> y,
        Func<PosteriorObservation, string> hover, string suffix, bool showLegend, Marker marker)
    {
        marker.OpacityArray = Opacities(trials.Select(o => o.Distance));
        return new Scatter
        {
            Name = name,
            LegendGroup = name,
            ShowLegend = showLegend,
            Mode = ModeFlag.Markers,
            X = PlotStyle.Objects(trials.Select(o => o.X)),
            Y = PlotStyle.Objects(trials.Select(y)),
            Marker = marker,
            HoverTemplate = "%{text}<extra></extra>",
            TextArray = trials.Select(hover).ToList(),
            XAxis = "x" + suffix,
            YAxis = "y" + suffix,
        };
    }

    public static Scatter Running(IReadOnlyList<PosteriorRunningTrial> trials, Func<PosteriorRunningTrial, double> y, string suffix, bool showLegend,
        string? yAxis = null) => new()
    {
        Name = RunningName,
        LegendGroup = RunningName,
        ShowLegend = showLegend,
        Mode = ModeFlag.Markers,
        X = PlotStyle.Objects(trials.Select(r => r.X)),
        Y = PlotStyle.Objects(trials.Select(y)),
        Marker = new Marker
        {
            Symbol = SymbolEnum.DiamondOpen, Color = PlotStyle.Accent, Size = 12,
            Line = new Line { Color = PlotStyle.Accent, Width = 2 },
            OpacityArray = Opacities(trials.Select(r => r.Distance)),
        },
        HoverTemplate = "%{text}<extra></extra>",
        TextArray = trials.Select(r => $"<b>trial {r.Number}</b> · running<br>{ParamsHover(r.Params)}<br>{DistanceHover(r.Distance)}").ToList(),
        XAxis = "x" + suffix,
        YAxis = yAxis ?? "y" + suffix,
    };

    public static Scatter Point(string name, PosteriorPoint point, double x, double y, string suffix, bool showLegend,
        SymbolEnum symbol, string color, int size, string hover, string? yAxis = null) => new()
    {
        Name = name,
        LegendGroup = name,
        ShowLegend = showLegend,
        Mode = ModeFlag.Markers,
        X = [x],
        Y = [y],
        Marker = new Marker { Symbol = symbol, Color = color, Size = size, Line = new Line { Color = "#111827", Width = 1.5m } },
        HoverTemplate = "%{text}<extra></extra>",
        TextArray = [hover],
        XAxis = "x" + suffix,
        YAxis = yAxis ?? "y" + suffix,
    };

    /// <summary>The trial's number, value and parameters, the axes' first, e.g. "trial 4 · value 0.91", "x 0.3",
    /// "y 0.7", "z 2", and how far it is from the slice when some parameters are off the axes (HTML-encoded: Plotly
    /// reads hover text as HTML). A pruned trial says "pruned" and, last, the value it was stopped at.</summary>
    public static string Hover(PosteriorObservation o, bool pruned, string xName, string? yName)
    {
        var lines = new List<string> { $"<b>trial {o.Number}</b> · " + (pruned ? "pruned" : $"value {ParameterText.Format(o.Value)}") };
        lines.Add($"{Html(xName)} {ParameterText.Format(o.X)}");
        if (yName is not null && o.Y is { } y) lines.Add($"{Html(yName)} {ParameterText.Format(y)}");
        var others = o.Params.Where(kv => kv.Key != xName && kv.Key != yName).ToList();
        lines.AddRange(others.Select(kv => $"{Html(kv.Key)} {Html(ParameterText.Format(kv.Value))}"));
        if (pruned) lines.Add($"stopped at {ParameterText.Format(o.Value)}");
        if (others.Count > 0) lines.Add(DistanceHover(o.Distance));
        return string.Join("<br>", lines);
    }

    public static string BestHover(PosteriorPoint best) =>
        $"<b>best trial</b> · value {ParameterText.Format(best.Value)}<br>{ParamsHover(best.Params)}";

    public static string NextHover(PosteriorPoint next) =>
        $"<b>next candidate</b> · {Html(SuggestionOrigins.Describe(next.Origin ?? ""))}"
        + (next.AcquisitionValue is { } a ? $"<br>{(next.Origin == SuggestionOrigins.Final ? "posterior mean" : "acquisition")} {AcquisitionScale.Format(a)} (standardised units)" : "")
        + $"<br>{ParamsHover(next.Params)}" + (next.Distance > 0 ? $"<br>{DistanceHover(next.Distance)}" : "");

    private static string ParamsHover(IReadOnlyDictionary<string, object> parameters) =>
        string.Join("<br>", parameters.Select(kv => $"{Html(kv.Key)} = {Html(ParameterText.Format(kv.Value))}"));

    private static string DistanceHover(double distance) =>
        distance > 0 ? $"<i>{distance.ToString("0.00", CultureInfo.InvariantCulture)} from this slice (0 on it, 1 at the far corner)</i>" : "<i>on this slice</i>";

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A white disc in a black ring: reads as hollow beside the observed trials' black dots, on dark and light
    /// colours alike.</summary>
    public static Marker PrunedMarker => new()
    {
        Symbol = SymbolEnum.Circle, Color = "#ffffff", Size = 8,
        Line = new Line { Color = "#000000", Width = 1.5m },
    };

    public static double ToDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
