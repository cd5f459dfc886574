using System.Globalization;
using CsvHelper;

namespace BoDashboard.Studies.Service;

/// <summary>A study's trials as CSV (RFC 4180): one row per trial, one column per parameter (natural units); the
/// intermediate values in one column as <c>step:value</c> pairs separated by <c>;</c> (e.g. <c>1:0.71;2:0.78</c>).</summary>
public static class TrialsCsv
{
    public static string Write(StudyDetails study)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            string[] head = ["number", "state", "value"];
            string[] tail = ["suggested_by", "acquisition_value", "queued_at", "started_at", "finished_at", "duration_s", "worker", "error", "intermediate_values"];
            csv.WriteRecord([.. head, .. study.Parameters.Select(p => p.Name), .. tail]);
            foreach (var t in study.Trials)
            {
                var parameters = study.Parameters.Select(p => t.Params.TryGetValue(p.Name, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null);
                csv.WriteRecord([
                    t.Number.ToString(CultureInfo.InvariantCulture), t.State, Number(t.Value), .. parameters,
                    t.SuggestedBy, Number(t.AcquisitionValue), t.QueuedAt?.ToString("O", CultureInfo.InvariantCulture),
                    t.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                    t.FinishedAt?.ToString("O", CultureInfo.InvariantCulture), Number(t.DurationSeconds), t.WorkerName, t.Error,
                    string.Join(';', t.Intermediate.Select(v => $"{v.Step.ToString(CultureInfo.InvariantCulture)}:{Number(v.Value)}")),
                ]);
            }
            csv.Flush();
        }
        return text.ToString();
    }

    private static string? Number(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
}
