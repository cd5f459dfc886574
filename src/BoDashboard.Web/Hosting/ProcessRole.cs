namespace BoDashboard.Web.Hosting;

/// <summary>What this process does (`--role`): the dashboard and API (web), trial jobs with no UI and no port
/// (worker), or both (all, the default with SQLite).</summary>
public enum ProcessRole
{
    All,
    Web,
    Worker,
}

public static class ProcessRoles
{
    public static ProcessRole From(string[] args)
    {
        var configured = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()["role"];
        if (string.IsNullOrWhiteSpace(configured)) return ProcessRole.All;
        return Enum.TryParse<ProcessRole>(configured, ignoreCase: true, out var role)
            ? role
            : throw new ArgumentException($"--role must be web, worker or all, not '{configured}'");
    }
}
