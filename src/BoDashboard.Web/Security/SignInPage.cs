using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace BoDashboard.Web.Security;

/// <summary>The sign-in page's HTML: a plain form (no Blazor circuit, which would itself need the cookie) in the
/// app's own style, with the antiforgery token and, after a wrong password, the error.</summary>
public static class SignInPage
{
    public static IResult Render(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var errorHtml = error is null ? "" : $"""<p class="alert error" role="alert">{html.Encode(error)}</p>""";
        var page = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <title>Sign in · BoDashboard</title>
                <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
                <header class="topbar"><span class="brand">BoDashboard</span></header>
                <main class="page" style="max-width: 24rem">
                    <h1>Sign in</h1>
                    {{errorHtml}}
                    <form method="post" action="{{SignInEndpoints.SignInPath}}">
                        <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}" />
                        <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}" />
                        <label class="field">Password
                            <input type="password" name="password" autocomplete="current-password" autofocus required />
                        </label>
                        <button type="submit" class="btn primary">Sign in</button>
                    </form>
                </main>
            </body>
            </html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
