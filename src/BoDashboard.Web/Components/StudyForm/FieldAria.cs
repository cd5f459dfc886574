using BoDashboard.Optimization.Space;

namespace BoDashboard.Web.Components.StudyForm;

/// <summary>Ties an input to the messages <see cref="FieldError"/> shows for it: <c>aria-invalid</c> while a field has an
/// error, and <c>aria-describedby</c> naming the messages, so a screen reader reads the error with the field.</summary>
public static class FieldAria
{
    private static readonly IReadOnlyDictionary<string, object> None = new Dictionary<string, object>();

    /// <summary>The element id of the <paramref name="index"/>-th message of a field ("error-parameters-1-low-0").</summary>
    public static string IdFor(string field, int index) =>
        "error-" + string.Concat(field.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-') + "-" + index;

    /// <summary>Attributes for an input whose errors are reported under one or more validator field names.</summary>
    public static IReadOnlyDictionary<string, object> For(IReadOnlyList<ValidationError> errors, params string[] fields)
    {
        var ids = fields.SelectMany(f => errors.Where(e => e.Field == f).Select((_, i) => IdFor(f, i))).ToList();
        return ids.Count == 0 ? None : new Dictionary<string, object>
        {
            ["aria-invalid"] = "true",
            ["aria-describedby"] = string.Join(" ", ids),
        };
    }
}
