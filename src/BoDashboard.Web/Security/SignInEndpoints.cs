using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace BoDashboard.Web.Security;

/// <summary>GET /signin shows the form, POST /signin checks the password (constant time) and sets the auth cookie,
/// GET /signout clears it. Without a configured secret the routes send the user home.</summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (HttpContext context, IAntiforgery antiforgery, DashboardSecrets secrets, string? returnUrl) =>
                secrets.Required ? SignInPage.Render(context, antiforgery, LocalOrHome(returnUrl), null) : Results.Redirect("/"))
            .AllowAnonymous().ExcludeFromDescription();

        // [FromForm] makes the antiforgery middleware check the form's token: another site cannot sign a browser in.
        app.MapPost(SignInPath, async (HttpContext context, IAntiforgery antiforgery, DashboardSecrets secrets, [FromForm] SignInForm form) =>
            {
                var returnUrl = LocalOrHome(form.ReturnUrl);
                if (!secrets.Required) return Results.Redirect("/");
                if (!secrets.IsSignInSecret(form.Password))
                    return SignInPage.Render(context, antiforgery, returnUrl, "Wrong password.", StatusCodes.Status401Unauthorized);
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard")], CookieAuthenticationDefaults.AuthenticationScheme);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
                    new AuthenticationProperties { IsPersistent = true });
                return Results.Redirect(returnUrl);
            })
            .AllowAnonymous().ExcludeFromDescription();

        app.MapGet(SignOutPath, async (HttpContext context) =>
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.Redirect(SignInPath);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Only a path on this site: a sign-in link must not bounce the user to another one.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : "/";

    public sealed record SignInForm(string? Password, string? ReturnUrl);
}
