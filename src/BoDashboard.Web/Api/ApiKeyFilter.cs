using System.Security.Cryptography;
using System.Text;

namespace BoDashboard.Web.Api;

/// <summary>When <c>Api:Key</c> is configured, every /api request must carry it in the X-Api-Key header.</summary>
public sealed class ApiKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration["Api:Key"];
        if (string.IsNullOrEmpty(expected)) return await next(context);
        var given = context.HttpContext.Request.Headers[Header].ToString();
        // Constant-time comparison: the time taken must not tell how much of a guess was right.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"this API needs the {Header} header with the configured key");
        return await next(context);
    }
}
