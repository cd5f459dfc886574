using System.Globalization;
using CsvHelper;

namespace BoDashboard.Studies.Service;

/// <summary>A study's trials as CSV (RFC 4180): one row per trial, one column per parameter (natural units); the
/// intermediate values in one column as <c>step:value</c> pairs separated by <c>;</c> (e.g. <c>1:0.71;2:0.78</c>).</summary>
/// <remarks>Text a study's creator or a trial program chose (parameter names, categorical choices, errors) is written with
/// a leading <c>'</c> when it starts with <c>= + - @</c>, a tab or a CR, so a spreadsheet opening the file shows it as
/// text instead of running it as a formula (CSV injection). Numbers are written as numbers: <c>-0.5</c> stays <c>-0.5</c>.</remarks>
public static class TrialsCsv
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };

    public static string Write(StudyDetails study)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            string[] head = ["number", "state", "value"];
            string[] tail = ["suggested_by", "acquisition_value", "queued_at", "started_at", "finished_at", "duration_s", "worker", "error", "intermediate_values"];
            csv.WriteRecord([.. head, .. study.Parameters.Select(p => p.Name), .. tail]);
            foreach (var t in study.Trials)
            {
                csv.WriteField(t.Number);
                csv.WriteField(t.State);
                Number(csv, t.Value);
                foreach (var p in study.Parameters) csv.WriteField(t.Params.TryGetValue(p.Name, out var v) ? Value(v) : null);
                csv.WriteField(t.SuggestedBy);
                Number(csv, t.AcquisitionValue);
                csv.WriteField(t.QueuedAt?.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(t.StartedAt.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(t.FinishedAt?.ToString("O", CultureInfo.InvariantCulture));
                Number(csv, t.DurationSeconds);
                csv.WriteField(t.WorkerName);
                csv.WriteField(t.Error);
                csv.WriteField(string.Join(';', t.Intermediate.Select(v => $"{v.Step.ToString(CultureInfo.InvariantCulture)}:{v.Value.ToString("R", CultureInfo.InvariantCulture)}")));
                csv.EndRecord();
            }
            csv.Flush();
        }
        return text.ToString();
    }

    /// <summary>A parameter's value: numbers as numbers (never escaped), text as text.</summary>
    private static object? Value(object value) => value switch
    {
        double or float or int or long => value,
        IConvertible c when c.GetTypeCode() is TypeCode.String => c.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static void Number(CsvWriter csv, double? v)
    {
        if (v is { } x) csv.WriteField(x, "R");
        else csv.WriteField((object?)null);
    }
}
