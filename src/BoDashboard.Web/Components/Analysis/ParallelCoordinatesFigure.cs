using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Plots;

namespace BoDashboard.Web.Components.Analysis;

/// <summary>
/// The Plotly <c>parcoords</c> figure of a study's trials, as plain dictionaries for Plotly.js: one axis per
/// parameter (log10 values with natural-unit tick labels for a log parameter, choice indices labelled by name for a
/// categorical one), the value axis last, lines coloured by value (brighter is better). <see cref="Numbers"/> are the
/// drawn trials' numbers, in the order of every axis's values, so a brush can be turned back into trials.
/// </summary>
public sealed record ParallelCoordinatesFigure(IReadOnlyDictionary<string, object?> Trace, IReadOnlyDictionary<string, object?> Layout, IReadOnlyList<int> Numbers)
{
    /// <summary>Trials with a finite value (complete, or pruned at their last reported value); the others have no colour.</summary>
    public static IReadOnlyList<TrialDetails> Drawable(IReadOnlyList<TrialDetails> trials, IReadOnlyList<ParameterDefinition> parameters) =>
        trials.Where(t => t.Value is { } v && double.IsFinite(v) && parameters.All(p => t.Params.ContainsKey(p.Name))).ToList();

    public static ParallelCoordinatesFigure Build(IReadOnlyList<ParameterDefinition> parameters, IReadOnlyList<TrialDetails> trials,
        string direction, string valueLabel)
    {
        var drawn = Drawable(trials, parameters);
        var dimensions = parameters.Select(p => Dimension(p, drawn)).ToList();
        var values = drawn.Select(t => (object)t.Value!.Value).ToList();
        dimensions.Add(new Dictionary<string, object?> { ["label"] = valueLabel, ["values"] = values });
        var trace = new Dictionary<string, object?>
        {
            ["type"] = "parcoords",
            ["dimensions"] = dimensions,
            ["line"] = new Dictionary<string, object?>
            {
                ["color"] = values,
                ["colorscale"] = "Viridis",
                // Bright is better: reversed when smaller values are better.
                ["reversescale"] = direction == "minimize",
                ["showscale"] = false, // the value axis, coloured the same way, is the scale
            },
            ["labelangle"] = 0,
            ["labelside"] = "top",
            ["labelfont"] = new Dictionary<string, object?> { ["size"] = 12, ["color"] = PlotStyle.Ink },
            ["tickfont"] = new Dictionary<string, object?> { ["size"] = 11, ["color"] = PlotStyle.Ink },
        };
        var layout = new Dictionary<string, object?>
        {
            ["height"] = 380,
            ["margin"] = new Dictionary<string, object?> { ["l"] = 70, ["r"] = 80, ["t"] = 60, ["b"] = 30 },
            ["paper_bgcolor"] = "rgba(0,0,0,0)",
            ["font"] = new Dictionary<string, object?> { ["family"] = PlotStyle.Font.Family, ["size"] = 12, ["color"] = PlotStyle.Ink },
        };
        return new ParallelCoordinatesFigure(trace, layout, drawn.Select(t => t.Number).ToList());
    }

    private static Dictionary<string, object?> Dimension(ParameterDefinition p, IReadOnlyList<TrialDetails> trials)
    {
        var raw = trials.Select(t => t.Params[p.Name]).ToList();
        if (p.Type == "categorical")
        {
            var choices = p.Choices ?? [];
            return new Dictionary<string, object?>
            {
                ["label"] = p.Name,
                ["values"] = raw.Select(v => (object)IndexOf(choices, Text(v))).ToList(),
                ["range"] = choices.Count > 1 ? new object[] { 0, choices.Count - 1 } : new object[] { -0.5, 0.5 },
                ["tickvals"] = Enumerable.Range(0, choices.Count).Cast<object>().ToList(),
                ["ticktext"] = choices.ToList(),
            };
        }

        var (low, high) = (p.Low ?? raw.Select(Number).DefaultIfEmpty(0).Min(), p.High ?? raw.Select(Number).DefaultIfEmpty(1).Max());
        if (!p.Log)
        {
            return new Dictionary<string, object?>
            {
                ["label"] = p.Name,
                ["values"] = raw.Select(v => (object)Number(v)).ToList(),
                ["range"] = new object[] { low, high },
            };
        }

        // Plotly's parcoords has no log axis: plot log10 and label the ticks in natural units.
        var (logLow, logHigh) = (Math.Log10(low), Math.Log10(high));
        var ticks = LogTicks(logLow, logHigh);
        return new Dictionary<string, object?>
        {
            ["label"] = $"{p.Name} (log)",
            ["values"] = raw.Select(v => (object)Math.Log10(Number(v))).ToList(),
            ["range"] = new object[] { logLow, logHigh },
            ["tickvals"] = ticks.Cast<object>().ToList(),
            ["ticktext"] = ticks.Select(t => TickText(Math.Pow(10, t))).ToList(),
        };
    }

    /// <summary>Whole powers of ten inside the range, and its ends when fewer than three powers fall in it.</summary>
    internal static IReadOnlyList<double> LogTicks(double logLow, double logHigh)
    {
        var powers = Enumerable.Range((int)Math.Ceiling(logLow - 1e-9), Math.Max(0, (int)Math.Floor(logHigh + 1e-9) - (int)Math.Ceiling(logLow - 1e-9) + 1))
            .Select(k => (double)k).ToList();
        if (powers.Count >= 3) return powers;
        return powers.Append(logLow).Append(logHigh).Distinct().Order().ToList();
    }

    /// <summary>A tick in natural units, short: 0.001, 1e-5, 2.5e6.</summary>
    internal static string TickText(double value) =>
        Regex.Replace(value.ToString("G3", CultureInfo.InvariantCulture), @"E([+-])0*(\d)", m => "e" + (m.Groups[1].Value == "-" ? "-" : "") + m.Groups[2].Value);

    private static int IndexOf(IReadOnlyList<string> choices, string value)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] == value) return i;
        }

        return -1;
    }

    private static string Text(object value) => value is JsonElement { ValueKind: JsonValueKind.String } e
        ? e.GetString() ?? ""
        : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static double Number(object value) => value is JsonElement e ? e.GetDouble() : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
