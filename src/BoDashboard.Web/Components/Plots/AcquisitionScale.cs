using System.Globalization;

namespace BoDashboard.Web.Components.Plots;

/// <summary>
/// How an acquisition surface is labelled and coloured. The GP computes EI, PI and UCB on its standardised scale
/// (the objective minus the GP's prior mean, over the spread of the observed values), so an EI map whose maximum is
/// 6e-5 is not "empty": it says the model expects little improvement anywhere. EI and PI span many decades, so they
/// are coloured by log10 (clipped <see cref="Decades"/> below the maximum) with ticks written as the values themselves.
/// </summary>
public static class AcquisitionScale
{
    /// <summary>How many decades under the maximum the log colour scale shows; lower values share the lowest colour.</summary>
    public const int Decades = 6;

    public static string LongName(string name) => name switch
    {
        "ei" => "expected improvement",
        "pi" => "probability of improvement",
        "ucb" => "upper confidence bound",
        _ => name,
    };

    /// <summary>The unit the acquisition's numbers are in.</summary>
    public static string Units(string name) => name == "pi" ? "probability" : "standardised units";

    /// <summary>"EI (standardised units)": the label of an acquisition's axis or hover value.</summary>
    public static string Label(string name) => $"{name.ToUpperInvariant()} ({Units(name)})";

    /// <summary>Whether the map is coloured by log10: EI and PI are non-negative and span decades; UCB is not.</summary>
    public static bool IsLog(string name, double[][] values) =>
        name is "ei" or "pi" && values.SelectMany(r => r).Where(double.IsFinite).DefaultIfEmpty(0).Max() > 0;

    /// <summary>The colour bar's title, saying when the scale is logarithmic.</summary>
    public static string ColourBarTitle(string name, bool log) => log ? $"{Label(name)}, log scale" : Label(name);

    /// <summary>log10 of each value, floored <see cref="Decades"/> below the maximum.</summary>
    public static double[][] Log10(double[][] values)
    {
        var max = values.SelectMany(r => r).Where(double.IsFinite).Max();
        var floor = Math.Log10(max) - Decades;
        return values.Select(r => r.Select(v => v > 0 && double.IsFinite(v) ? Math.Max(Math.Log10(v), floor) : floor).ToArray()).ToArray();
    }

    /// <summary>Integer decades inside the log map's range, for the colour bar's ticks.</summary>
    public static IReadOnlyList<double> DecadeTicks(double[][] logValues)
    {
        var all = logValues.SelectMany(r => r).ToArray();
        var (low, high) = (Math.Ceiling(all.Min()), Math.Floor(all.Max()));
        return Enumerable.Range(0, (int)Math.Max(0, high - low) + 1).Select(k => low + k).ToList();
    }

    /// <summary>"1e-5" for the tick at log10 = -5.</summary>
    public static string DecadeText(double exponent) => exponent == 0 ? "1" : $"1e{exponent.ToString("0", CultureInfo.InvariantCulture)}";

    /// <summary>A value for hover text, 3 significant digits.</summary>
    public static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture).Replace('E', 'e');
}
