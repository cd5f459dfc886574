using Hangfire.Dashboard;

namespace BoDashboard.Web.Security;

/// <summary>Who may open the Hangfire dashboard (it can delete and re-run jobs): with a password, whoever signed in;
/// without one, requests from this machine only.</summary>
public sealed class JobsDashboardAccess(DashboardSecrets secrets) : IDashboardAuthorizationFilter
{
    private readonly LocalRequestsOnlyAuthorizationFilter local = new();

    public bool Authorize(DashboardContext context) => secrets.Required
        ? context.GetHttpContext().User.Identity?.IsAuthenticated == true
        : local.Authorize(context);
}
