using System.Globalization;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Web.Components.StudyView;

/// <summary>
/// A numeric parameter's slider: positions 0..<see cref="Steps"/> spread evenly in natural units, or in log10 for a
/// log parameter, so the slider moves as the axis of the maps does; an int parameter with a small range steps one
/// integer at a time.
/// </summary>
public sealed class FixedValueScale(ParameterDefinition parameter)
{
    public const int Steps = 1000;

    private double Low => parameter.Low ?? 0;

    private double High => parameter.High ?? 1;

    private bool IsInt => parameter.Type == "int";

    /// <summary>An int parameter of up to <see cref="Steps"/> values on a linear scale: one position per integer.</summary>
    private bool Integral => IsInt && !parameter.Log && High - Low <= Steps;

    public int Max => Integral ? (int)(High - Low) : Steps;

    public int PositionOf(object? value)
    {
        var v = Convert.ToDouble(value ?? Low, CultureInfo.InvariantCulture);
        if (Integral) return (int)Math.Round(v - Low);
        var u = parameter.Log ? (Math.Log10(v) - Math.Log10(Low)) / (Math.Log10(High) - Math.Log10(Low)) : (v - Low) / (High - Low);
        return (int)Math.Round(Math.Clamp(u, 0, 1) * Steps);
    }

    /// <summary>The value at a slider position, as the query string and the service take it (ints whole, floats to
    /// 4 significant digits, which is as fine as the maps' axes are read).</summary>
    public string ValueAt(int position)
    {
        if (Integral) return ((long)(Low + position)).ToString(CultureInfo.InvariantCulture);
        var u = Math.Clamp(position / (double)Steps, 0, 1);
        var v = parameter.Log ? Math.Pow(10, Math.Log10(Low) + u * (Math.Log10(High) - Math.Log10(Low))) : Low + u * (High - Low);
        v = Math.Clamp(v, Low, High);
        return IsInt
            ? ((long)Math.Round(v)).ToString(CultureInfo.InvariantCulture)
            : double.Parse(v.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) is var r && r >= Low && r <= High
                ? r.ToString("R", CultureInfo.InvariantCulture)
                : v.ToString("R", CultureInfo.InvariantCulture);
    }
}
