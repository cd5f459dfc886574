using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace BoDashboard.Web.Security;

/// <summary>
/// Sign-in for the whole app when a secret is configured (<see cref="DashboardSecrets"/>): a cookie from the sign-in
/// page for the pages, the Blazor hub, the Hangfire dashboard and /api, or the X-Api-Key header for /api. Pages
/// redirect to /signin; /api answers 401 problem documents. Without a secret nothing is required and
/// <see cref="LoopbackGuard"/> keeps the app on loopback.
/// </summary>
public static class SecuritySetup
{
    private const string Selector = "Dashboard";

    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, DashboardSecrets secrets)
    {
        services.AddSingleton(secrets);
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(DashboardSecrets.ApiKeyHeader)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "bodashboard-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = SignInEndpoints.SignInPath;
                o.LogoutPath = SignInEndpoints.SignOutPath;
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? WriteUnauthorizedAsync(context.HttpContext, $"sign in, or send the {DashboardSecrets.ApiKeyHeader} header")
                    : Redirect(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            // Every endpoint and every middleware after UseAuthorization (the Hangfire dashboard) needs a signed-in
            // user; only the sign-in page and the static assets opt out.
            if (secrets.Required) o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return services;
    }

    public static IApplicationBuilder UseDashboardSecurity(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static Task WriteUnauthorizedAsync(HttpContext context, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail).ExecuteAsync(context);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
