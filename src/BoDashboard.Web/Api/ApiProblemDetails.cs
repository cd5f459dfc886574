namespace BoDashboard.Web.Api;

/// <summary>Problem details with a message even when the framework writes them: a route that matches nothing (an id
/// that is not a whole number or overflows), or a query value that cannot be read as its type, would otherwise answer
/// a bare "Not Found" or "Bad Request" that does not say what was wrong.</summary>
public static class ApiProblemDetails
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Explain);

    private static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail)) return;
        var request = context.HttpContext.Request;
        var route = $"{request.Method} {request.Path}";
        problem.Detail = (context.Exception, problem.Status) switch
        {
            (BadHttpRequestException bad, _) => bad.Message,
            (_, StatusCodes.Status400BadRequest) =>
                $"{route}{request.QueryString}: a query value is not of the type this route takes (resolution and upTo are whole numbers); see /openapi/v1.json",
            (_, StatusCodes.Status404NotFound) => $"no API route matches {route}: study and trial ids are whole numbers; see /openapi/v1.json",
            (_, StatusCodes.Status405MethodNotAllowed) => $"{route}: this route does not take {request.Method}; see /openapi/v1.json",
            _ => null,
        };
    }
}
