using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Processes;
using BoDashboard.Web.Api;
using BoDashboard.Web.Components;
using BoDashboard.Web.Hosting;
using BoDashboard.Web.Security;

// Trial processes are this same program with a verb (the process-group guard, an AlexNet training): handled before
// anything of the web app is built, so they start fast and never open the database.
if (TrialVerbs.TryRun(args, out var verbExitCode)) return verbExitCode;

var contentRoot = ContentRootLocator.Find();
var role = ProcessRoles.From(args);
if (role == ProcessRole.Worker)
{
    // A worker runs trial jobs only: no pages, no API, no listening port.
    var worker = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
    worker.Services.AddStudies(worker.Configuration, contentRoot, role);
    using var workerHost = worker.Build();
    StudiesDatabase.Migrate(workerHost.Services);
    workerHost.Run();
    return 0;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = contentRoot,
    WebRootPath = Path.Combine(contentRoot, "wwwroot"),
});
// Serve package assets (Plotly.Blazor's scripts, blazor.web.js) from the build output in every environment: no CDN.
builder.WebHost.UseStaticWebAssets();

// With Auth:Password or Api:Key the whole app needs sign-in; without either it must stay on loopback.
var secrets = DashboardSecrets.From(builder.Configuration);
LoopbackGuard.Check(builder.Configuration, secrets);
builder.Services.AddDashboardSecurity(secrets);

builder.Services.AddStudies(builder.Configuration, contentRoot, role);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddApiProblemDetails();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    // Acquisition or std grids can hold a non-finite value at a degenerate point; write it rather than fail the response.
    o.SerializerOptions.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
    // Unset optional settings are left out: the documents stay readable.
    o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
});

var app = builder.Build();
StudiesDatabase.Migrate(app.Services);

// API errors are problem details, never HTML: a request the API cannot read (a query value of the wrong type, a body
// too large) keeps its 400 or 413, and an unknown /api route is a 404 document. Page errors show the error pages.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    // A request the API cannot read is the caller's error, answered with its message (ApiProblemDetails), not a
    // server error to log.
    SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
}));
if (!app.Environment.IsDevelopment())
{
    app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), web => web.UseExceptionHandler("/Error", createScopeForErrors: true));
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// Inside the page handler above, so an empty /api error gets its problem document first and is left alone by it.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseStaticFiles();
app.UseDashboardSecurity();
app.UseJsonContentTypeForApiChanges();
app.UseAntiforgery();
app.UseJobsDashboard();

app.MapOpenApi();
app.MapStudiesApi();
app.MapSignIn();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point type, public so that the test host (WebApplicationFactory) can start the app.</summary>
public partial class Program;
