using System.Globalization;
using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Processes;

/// <summary>Reads the line protocol of design.md ("Trial commands") from a program's standard output:
/// <c>bo:report step=N value=X</c>, <c>bo:result value=X</c> and <c>bo:progress done=N total=M</c>; fields are
/// <c>name=number</c> pairs in any order, numbers in invariant culture (<c>nan</c> and <c>inf</c> accepted).</summary>
public static class TrialOutputParser
{
    private const string Prefix = "bo:";

    public static TrialOutputLine Parse(string line)
    {
        var text = line.TrimEnd('\r');
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal)) return new TrialOutputLine.Log(text);
        var words = trimmed[Prefix.Length..].Split(' ', '\t').Where(w => w.Length > 0).ToArray();
        if (words.Length == 0) return new TrialOutputLine.Malformed(text, "empty bo: line");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var label = new List<string>();
        foreach (var word in words.Skip(1))
        {
            var eq = word.IndexOf('=');
            if (eq > 0) fields[word[..eq]] = word[(eq + 1)..];
            else label.Add(word);
        }

        switch (words[0])
        {
            case "report":
            {
                if (!fields.TryGetValue("step", out var s) || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var step))
                    return new TrialOutputLine.Malformed(text, "bo:report needs step=<non-negative integer>");
                if (!TryNumber(fields, "value", out var value) || !double.IsFinite(value))
                    return new TrialOutputLine.Malformed(text, "bo:report needs a finite value=<number>");
                var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (name, raw) in fields)
                {
                    if (name is "step" or "value") continue;
                    if (TryParse(raw, out var m) && double.IsFinite(m)) metrics[name] = m;
                }
                return new TrialOutputLine.Report(new IntermediateValue(step, value, metrics.Count == 0 ? null : metrics));
            }
            case "result":
                return TryNumber(fields, "value", out var result)
                    ? new TrialOutputLine.Result(result)
                    : new TrialOutputLine.Malformed(text, "bo:result needs value=<number>");
            case "progress":
                return TryNumber(fields, "done", out var done) && TryNumber(fields, "total", out var total)
                    ? new TrialOutputLine.Progress(new TrialProgress(done, total, label.Count == 0 ? null : string.Join(' ', label)))
                    : new TrialOutputLine.Malformed(text, "bo:progress needs done=<number> total=<number>");
            default:
                return new TrialOutputLine.Malformed(text, $"unknown bo: line '{words[0]}' (expected report, result or progress)");
        }
    }

    private static bool TryNumber(Dictionary<string, string> fields, string name, out double value)
    {
        value = double.NaN;
        return fields.TryGetValue(name, out var raw) && TryParse(raw, out value);
    }

    private static bool TryParse(string raw, out double value)
    {
        switch (raw.ToLowerInvariant())
        {
            case "nan": value = double.NaN; return true;
            case "inf" or "+inf" or "infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
            default: return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
