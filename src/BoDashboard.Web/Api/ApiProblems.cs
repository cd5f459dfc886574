using System.Text.Json;
using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Api;

/// <summary>RFC 7807 problem details for every error of the API; validation problems name the field.</summary>
public static class ApiProblems
{
    public static IResult Validation(IEnumerable<ValidationError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            title: "The request is not valid");

    public static IResult Validation(string field, string message) => Validation([new ValidationError(field, message)]);

    public static IResult NotJson(JsonException e) => Validation(
        string.IsNullOrEmpty(e.Path) ? "body" : e.Path,
        $"the body is not valid JSON for this request: {e.Message}");

    public static IResult From(StudyOperationException e) => e.Kind switch
    {
        StudyErrorKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: e.Message),
        StudyErrorKind.Busy => new BusyProblem(e.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: e.Message),
    };

    /// <summary>503 with Retry-After: the work is refused for now, not for good.</summary>
    private sealed class BusyProblem(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy", detail: detail)
                .ExecuteAsync(httpContext);
        }
    }
}
