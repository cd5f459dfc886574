namespace BoDashboard.Web.Security;

/// <summary>
/// Every state-changing /api request (POST, PUT, PATCH, DELETE) must say <c>Content-Type: application/json</c>,
/// even with an empty body. An HTML form on another site can only send form or text content types, and a script
/// there cannot add this header without a CORS pre-flight this app never grants; so a page the user happens to open
/// cannot pause, delete or create studies through their browser. Other requests get 415.
/// </summary>
public static class JsonContentTypeRequirement
{
    public static IApplicationBuilder UseJsonContentTypeForApiChanges(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api") && ChangesState(request.Method) && !request.HasJsonContentType())
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type",
                    detail: $"{request.Method} requests to /api must have Content-Type: application/json (an empty body is fine), " +
                            $"not '{(string.IsNullOrEmpty(request.ContentType) ? "none" : request.ContentType)}'").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static bool ChangesState(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
