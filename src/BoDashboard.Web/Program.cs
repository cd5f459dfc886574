using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components;
using BoDashboard.Web.Hosting;

var contentRoot = ContentRootLocator.Find();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = contentRoot,
    WebRootPath = Path.Combine(contentRoot, "wwwroot"),
});
// Serve package assets (Plotly.Blazor's scripts, blazor.web.js) from the build output in every environment: no CDN.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(sp => StorageLocations.From(sp.GetRequiredService<IConfiguration>(), contentRoot));
builder.Services.AddStudiesDatabase(sp => sp.GetRequiredService<StorageLocations>().StudiesConnectionString);
builder.Services.AddStudyService();
builder.Services.AddStudyJobs(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
StudiesDatabase.Migrate(app.Services);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseStaticFiles();
app.UseAntiforgery();
app.UseLocalJobsDashboard();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point type, public so that the test host (WebApplicationFactory) can start the app.</summary>
public partial class Program;
