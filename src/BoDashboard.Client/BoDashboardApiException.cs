using System.Net;

namespace BoDashboard.Client;

/// <summary>The server refused a request. It carries the RFC 7807 problem document the API answers every error with,
/// so a caller can tell a wrong field (<c>400</c>, see <see cref="Errors"/>) from an unknown study or trial (<c>404</c>),
/// an operation the study's state does not allow (<c>409</c>, e.g. asking a study that used its budget) and a missing
/// or wrong API key (<c>401</c>).</summary>
public sealed class BoDashboardApiException : Exception
{
    /// <summary>Creates the exception from the parts of a problem document.</summary>
    /// <param name="status">The HTTP status code of the response.</param>
    /// <param name="title">The problem's short summary (the reason phrase when the body was not a problem document).</param>
    /// <param name="detail">The explanation specific to this occurrence, if any.</param>
    /// <param name="errors">The field errors of a validation problem; empty for other problems.</param>
    /// <param name="type">The problem type URI, if any.</param>
    public BoDashboardApiException(int status, string title, string? detail, IReadOnlyList<FieldError>? errors = null, string? type = null)
        : base(Describe(status, title, detail, errors))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
        Type = type;
    }

    /// <summary>The HTTP status code: 400 invalid input, 401 API key, 404 unknown study or trial, 409 state conflict.</summary>
    public int Status { get; }

    /// <summary><see cref="Status"/> as an enum value, for comparisons such as <c>e.StatusCode == HttpStatusCode.Conflict</c>.</summary>
    public HttpStatusCode StatusCode => (HttpStatusCode)Status;

    /// <summary>The problem's short summary, e.g. "The request is not valid", "Not found", "Conflict".</summary>
    public string Title { get; }

    /// <summary>What went wrong this time, e.g. "study 7 has used its budget of 30 trials".</summary>
    public string? Detail { get; }

    /// <summary>For a validation problem, every field the server rejected with its message, in the server's order.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The problem type URI, if the server sent one.</summary>
    public string? Type { get; }

    /// <summary>The messages about one field (exact name, e.g. <c>parameters[0].high</c>); empty when it is fine.</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        Errors.Where(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)).Select(e => e.Message).ToList();

    private static string Describe(int status, string title, string? detail, IReadOnlyList<FieldError>? errors)
    {
        var text = $"{status} {title}";
        if (!string.IsNullOrWhiteSpace(detail)) return $"{text}: {detail}";
        if (errors is { Count: > 0 }) return $"{text}: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}";
        return text;
    }
}
