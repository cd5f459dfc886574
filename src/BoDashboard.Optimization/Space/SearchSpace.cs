using System.Globalization;
using System.Text.Json;

namespace BoDashboard.Optimization.Space;

/// <summary>
/// A validated list of parameters and their mapping to the unit cube the GP works in:
/// floats and ints take one coordinate (log10 scale when <c>Log</c>), categoricals one coordinate per choice (one-hot).
/// Values in natural units are double (float), long (int) and string (categorical).
/// </summary>
public sealed class SearchSpace
{
    public const int MaxParameters = 20;

    /// <summary>Longest parameter name: names become query keys (fix.NAME), CSV columns and a command's environment
    /// variables (BO_PARAM_NAME), which have length limits of their own.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Most choices of one categorical: each is a coordinate of the GP and a move of the acquisition search.</summary>
    public const int MaxChoices = 256;

    /// <summary>Longest choice: a choice is passed to commands as an argument and stored in every trial.</summary>
    public const int MaxChoiceLength = 200;

    private readonly int[] _offsets;

    public SearchSpace(IReadOnlyList<ParameterSpec> parameters)
    {
        var errors = Validate(parameters);
        if (errors.Count > 0)
        {
            throw new SearchSpaceException(errors);
        }

        Parameters = parameters.ToArray();
        _offsets = new int[Parameters.Count];
        var offset = 0;
        var continuous = new List<bool>();
        for (var i = 0; i < Parameters.Count; i++)
        {
            _offsets[i] = offset;
            var width = Width(Parameters[i]);
            offset += width;
            for (var k = 0; k < width; k++)
            {
                continuous.Add(Parameters[i] is FloatParameter);
            }
        }

        Dimension = offset;
        ContinuousMask = continuous.ToArray();
    }

    public IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>Number of unit-cube coordinates (a categorical with k choices counts k).</summary>
    public int Dimension { get; }

    /// <summary>Per coordinate: true when it belongs to a float parameter and may move freely during optimisation.</summary>
    public IReadOnlyList<bool> ContinuousMask { get; }

    /// <summary>
    /// Per coordinate, the index of the GP length scale it uses: one per parameter, so a categorical's one-hot
    /// coordinates share theirs and the kernel sees only whether two choices differ (a Hamming distance).
    /// </summary>
    public IReadOnlyList<int> LengthScaleGroups => [.. Enumerable.Range(0, Parameters.Count).SelectMany(i => Enumerable.Repeat(i, Width(Parameters[i])))];

    /// <summary>Whether every coordinate is continuous (no rounding or one-hot snapping needed).</summary>
    public bool IsContinuous => ContinuousMask.All(c => c);

    public static IReadOnlyList<ValidationError> Validate(IReadOnlyList<ParameterSpec>? parameters)
    {
        var errors = new List<ValidationError>();
        if (parameters is null || parameters.Count == 0)
        {
            errors.Add(new ValidationError("parameters", "at least one parameter is required"));
            return errors;
        }

        if (parameters.Count > MaxParameters)
        {
            errors.Add(new ValidationError("parameters", $"at most {MaxParameters} parameters are supported, got {parameters.Count}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var field = $"parameters[{i}]";
            if (p is null)
            {
                errors.Add(new ValidationError(field, "parameter is missing"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add(new ValidationError($"{field}.name", "name must not be empty"));
            }
            else if (!seen.Add(p.Name))
            {
                errors.Add(new ValidationError($"{field}.name", $"parameter '{p.Name}': duplicate name"));
            }

            var label = string.IsNullOrWhiteSpace(p.Name) ? field : $"parameter '{p.Name}'";
            switch (p)
            {
                case FloatParameter f:
                    ValidateBounds(errors, field, label, f.Low, f.High, f.Log);
                    break;
                case IntParameter n:
                    ValidateBounds(errors, field, label, n.Low, n.High, n.Log);
                    break;
                case CategoricalParameter c:
                    if (c.Choices is null || c.Choices.Count == 0)
                    {
                        errors.Add(new ValidationError($"{field}.choices", $"{label}: at least one choice is required"));
                    }
                    else if (c.Choices.Any(string.IsNullOrEmpty))
                    {
                        errors.Add(new ValidationError($"{field}.choices", $"{label}: choices must not be empty strings"));
                    }
                    else if (c.Choices.Distinct(StringComparer.Ordinal).Count() != c.Choices.Count)
                    {
                        errors.Add(new ValidationError($"{field}.choices", $"{label}: choices must be unique"));
                    }

                    break;
                default:
                    errors.Add(new ValidationError($"{field}.type", $"{label}: unknown parameter type"));
                    break;
            }
        }

        return errors;
    }

    /// <summary>
    /// What a new study may define beyond <see cref="Validate"/>: names and choices of bounded length without control
    /// characters, a bounded number of choices, and a float or int range whose width (high - low) is a finite double: the unit-cube mapping divides by
    /// it, and one that overflows turns every point into NaN. Checked where a definition comes in, not when a stored
    /// study is read back, so a study stored before a limit existed still opens.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateSizes(IReadOnlyList<ParameterSpec> parameters)
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var field = $"parameters[{i}]";
            if (p?.Name is { Length: > MaxNameLength } name)
            {
                errors.Add(new ValidationError($"{field}.name", $"name must be at most {MaxNameLength} characters, got {name.Length}"));
            }
            else if (p?.Name is { } named && named.Any(char.IsControl))
            {
                // A NUL cannot even be stored in PostgreSQL; line breaks and other control characters in a name are
                // never meant and garble the tables, axes and CSV header that show it.
                errors.Add(new ValidationError($"{field}.name", "name must not contain control characters (NUL, line breaks, tabs...)"));
            }

            var label = p?.Name is { Length: > 0 and <= MaxNameLength } ? $"parameter '{p.Name}'" : field;
            switch (p)
            {
                case FloatParameter f when !double.IsFinite(f.High - f.Low) && double.IsFinite(f.Low) && double.IsFinite(f.High):
                    errors.Add(new ValidationError($"{field}.high", $"{label}: high - low must be a finite number; [{Format(f.Low)}, {Format(f.High)}] is wider than a double holds"));
                    break;
                case CategoricalParameter { Choices: { } choices } when choices.Count > MaxChoices:
                    errors.Add(new ValidationError($"{field}.choices", $"{label}: at most {MaxChoices} choices are supported, got {choices.Count}"));
                    break;
                case CategoricalParameter { Choices: { } choices } when choices.Any(c => c?.Length > MaxChoiceLength):
                    errors.Add(new ValidationError($"{field}.choices", $"{label}: a choice must be at most {MaxChoiceLength} characters"));
                    break;
                case CategoricalParameter { Choices: { } choices } when choices.Any(c => c is not null && c.Any(char.IsControl)):
                    errors.Add(new ValidationError($"{field}.choices", $"{label}: choices must not contain control characters (NUL, line breaks, tabs...)"));
                    break;
            }
        }

        return errors;
    }

    private static void ValidateBounds(List<ValidationError> errors, string field, string label, double low, double high, bool log)
    {
        if (!double.IsFinite(low))
        {
            errors.Add(new ValidationError($"{field}.low", $"{label}: low must be a finite number"));
        }

        if (!double.IsFinite(high))
        {
            errors.Add(new ValidationError($"{field}.high", $"{label}: high must be a finite number"));
        }

        if (double.IsFinite(low) && double.IsFinite(high) && !(low < high))
        {
            errors.Add(new ValidationError($"{field}.high", $"{label}: low ({Format(low)}) must be less than high ({Format(high)})"));
        }

        if (log && double.IsFinite(low) && low <= 0)
        {
            errors.Add(new ValidationError($"{field}.low", $"{label}: a log-scaled parameter needs low > 0, got {Format(low)}"));
        }
    }

    private static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    private static int Width(ParameterSpec p) => p is CategoricalParameter c ? c.Choices.Count : 1;

    public int IndexOf(string name)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>First unit-cube coordinate of parameter <paramref name="index"/>.</summary>
    public int OffsetOf(int index) => _offsets[index];

    /// <summary>Maps natural-unit values to the unit cube.</summary>
    public double[] Encode(IReadOnlyDictionary<string, object> values)
    {
        var x = new double[Dimension];
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (!values.TryGetValue(p.Name, out var v))
            {
                throw new SearchSpaceException([new ValidationError($"params.{p.Name}", $"parameter '{p.Name}' is missing")]);
            }

            var error = OutsideError(p, v);
            if (error is not null)
            {
                throw new SearchSpaceException([new ValidationError($"params.{p.Name}", $"parameter '{p.Name}': {error}")]);
            }

            EncodeOne(p, v, x.AsSpan(_offsets[i], Width(p)));
        }

        return x;
    }

    /// <summary>Why a stored or imported value is not in the space (an unknown choice, a number outside the bounds),
    /// or null. Such a value is an error, never mapped onto the nearest feasible point.</summary>
    private static string? OutsideError(ParameterSpec p, object v)
    {
        switch (p)
        {
            case CategoricalParameter c:
                var s = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
                return IndexOfChoice(c, s) < 0 ? $"'{s}' is not one of {string.Join(", ", c.Choices)}" : null;
            case FloatParameter f:
                return OutsideBounds(v, f.Low, f.High);
            case IntParameter n:
                return OutsideBounds(v, n.Low, n.High);
            default:
                return "unknown parameter type";
        }
    }

    private static string? OutsideBounds(object v, double low, double high)
    {
        if (!TryNumber(v, out var d) || !double.IsFinite(d))
        {
            return $"expected a finite number, got '{v}'";
        }

        // Values this space decoded itself are clamped into the bounds; the slack only absorbs a decimal round trip.
        var slack = 1e-9 * (high - low);
        return d < low - slack || d > high + slack ? $"{Format(d)} is outside [{Format(low)}, {Format(high)}]" : null;
    }

    private static void EncodeOne(ParameterSpec p, object v, Span<double> target)
    {
        switch (p)
        {
            case FloatParameter f:
                target[0] = ToUnit(Convert.ToDouble(v, CultureInfo.InvariantCulture), f.Low, f.High, f.Log);
                break;
            case IntParameter n:
                target[0] = ToUnit(Convert.ToDouble(v, CultureInfo.InvariantCulture), n.Low, n.High, n.Log);
                break;
            case CategoricalParameter c:
                target.Clear();
                var index = IndexOfChoice(c, Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
                target[index < 0 ? 0 : index] = 1.0;
                break;
        }
    }

    private static int IndexOfChoice(CategoricalParameter c, string value)
    {
        for (var k = 0; k < c.Choices.Count; k++)
        {
            if (c.Choices[k] == value)
            {
                return k;
            }
        }

        return -1;
    }

    private static double ToUnit(double v, double low, double high, bool log)
    {
        var u = log ? (Math.Log10(v) - Math.Log10(low)) / (Math.Log10(high) - Math.Log10(low)) : (v - low) / (high - low);
        return Math.Clamp(u, 0.0, 1.0);
    }

    private static double FromUnit(double u, double low, double high, bool log)
    {
        u = Math.Clamp(u, 0.0, 1.0);
        var v = log ? Math.Pow(10, Math.Log10(low) + u * (Math.Log10(high) - Math.Log10(low))) : low + u * (high - low);
        return Math.Clamp(v, low, high);
    }

    /// <summary>Maps a unit-cube point to natural units: ints round, categoricals take the largest coordinate.</summary>
    public IReadOnlyDictionary<string, object> Decode(ReadOnlySpan<double> x)
    {
        var values = new Dictionary<string, object>(Parameters.Count, StringComparer.Ordinal);
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            var slice = x.Slice(_offsets[i], Width(p));
            values[p.Name] = DecodeOne(p, slice);
        }

        return values;
    }

    private static object DecodeOne(ParameterSpec p, ReadOnlySpan<double> u)
    {
        switch (p)
        {
            case FloatParameter f:
                return FromUnit(u[0], f.Low, f.High, f.Log);
            case IntParameter n:
                return (long)Math.Clamp(Math.Round(FromUnit(u[0], n.Low, n.High, n.Log)), n.Low, n.High);
            case CategoricalParameter c:
                var best = 0;
                for (var k = 1; k < u.Length; k++)
                {
                    if (u[k] > u[best])
                    {
                        best = k;
                    }
                }

                return c.Choices[best];
            default:
                throw new InvalidOperationException($"unknown parameter type {p.GetType().Name}");
        }
    }

    /// <summary>Snaps a unit-cube point onto the feasible set in place (ints to their grid, categoricals to one-hot).</summary>
    public void Project(Span<double> x)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            var slice = x.Slice(_offsets[i], Width(p));
            if (p is FloatParameter)
            {
                slice[0] = Math.Clamp(slice[0], 0.0, 1.0);
                continue;
            }

            EncodeOne(p, DecodeOne(p, slice), slice);
        }
    }

    /// <summary>A uniformly random feasible point in the unit cube (uniform on the log scale for log parameters).</summary>
    public double[] SampleUnit(Random random)
    {
        var x = new double[Dimension];
        SampleUnit(random, x);
        return x;
    }

    public void SampleUnit(Random random, Span<double> x)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            var slice = x.Slice(_offsets[i], Width(p));
            switch (p)
            {
                case FloatParameter:
                    slice[0] = random.NextDouble();
                    break;
                case IntParameter n when !n.Log:
                    // Uniform over the integers, not over the rounded continuum (which halves the end points' odds).
                    slice[0] = ToUnit(n.Low + random.NextInt64(n.High - n.Low + 1), n.Low, n.High, false);
                    break;
                case IntParameter:
                    slice[0] = random.NextDouble();
                    EncodeOne(p, DecodeOne(p, slice), slice);
                    break;
                case CategoricalParameter c:
                    slice.Clear();
                    slice[random.Next(c.Choices.Count)] = 1.0;
                    break;
            }
        }
    }

    /// <summary>
    /// Converts values given as any numeric type, numeric string or JSON element into the canonical types
    /// (double, long, string) and checks them against the bounds; throws naming each offending parameter.
    /// </summary>
    public IReadOnlyDictionary<string, object> Coerce(IReadOnlyDictionary<string, object?> values)
    {
        var errors = new List<ValidationError>();
        var result = new Dictionary<string, object>(Parameters.Count, StringComparer.Ordinal);
        foreach (var p in Parameters)
        {
            var field = $"params.{p.Name}";
            if (!values.TryGetValue(p.Name, out var raw) || raw is null)
            {
                errors.Add(new ValidationError(field, $"parameter '{p.Name}' is missing"));
                continue;
            }

            var error = CoerceOne(p, raw, out var value);
            if (error is null)
            {
                result[p.Name] = value!;
            }
            else
            {
                errors.Add(new ValidationError(field, $"parameter '{p.Name}': {error}"));
            }
        }

        foreach (var key in values.Keys)
        {
            if (IndexOf(key) < 0)
            {
                errors.Add(new ValidationError($"params.{key}", $"parameter '{key}' is not in the search space"));
            }
        }

        if (errors.Count > 0)
        {
            throw new SearchSpaceException(errors);
        }

        return result;
    }

    private static string? CoerceOne(ParameterSpec p, object raw, out object? value)
    {
        value = null;
        switch (p)
        {
            case FloatParameter f:
                if (!TryNumber(raw, out var d) || !double.IsFinite(d))
                {
                    return $"expected a finite number, got '{raw}'";
                }

                if (d < f.Low || d > f.High)
                {
                    return $"{Format(d)} is outside [{Format(f.Low)}, {Format(f.High)}]";
                }

                value = d;
                return null;
            case IntParameter n:
                if (!TryNumber(raw, out var x) || !double.IsFinite(x) || Math.Abs(x - Math.Round(x)) > 1e-9)
                {
                    return $"expected an integer, got '{raw}'";
                }

                var l = (long)Math.Round(x);
                if (l < n.Low || l > n.High)
                {
                    return $"{l} is outside [{n.Low}, {n.High}]";
                }

                value = l;
                return null;
            case CategoricalParameter c:
                var s = raw is JsonElement { ValueKind: JsonValueKind.String } je ? je.GetString() ?? "" :
                    raw is JsonElement other ? other.GetRawText() : Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "";
                if (IndexOfChoice(c, s) < 0)
                {
                    return $"'{s}' is not one of {string.Join(", ", c.Choices)}";
                }

                value = s;
                return null;
            default:
                return "unknown parameter type";
        }
    }

    private static bool TryNumber(object raw, out double value)
    {
        switch (raw)
        {
            case double d: value = d; return true;
            case float f: value = f; return true;
            case long l: value = l; return true;
            case int i: value = i; return true;
            case short s: value = s; return true;
            case byte b: value = b; return true;
            case decimal m: value = (double)m; return true;
            case string str:
                return double.TryParse(str, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case JsonElement { ValueKind: JsonValueKind.Number } je:
                return je.TryGetDouble(out value);
            case JsonElement { ValueKind: JsonValueKind.String } js:
                return double.TryParse(js.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case IConvertible c when raw is not bool:
                try
                {
                    value = c.ToDouble(CultureInfo.InvariantCulture);
                    return true;
                }
                catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
                {
                    value = 0;
                    return false;
                }

            default:
                value = 0;
                return false;
        }
    }
}
