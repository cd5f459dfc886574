namespace BoDashboard.EndToEnd.Tests;

/// <summary>A browser test against a web process already running on the PostgreSQL set-up (web and worker roles), named
/// by <see cref="UrlVariable"/>: tests/scale-out/live-pages.sh starts one and sets it. Skipped where it is not set
/// (plain <c>dotnet test</c> has no database server) or where Chromium is missing.</summary>
public sealed class PostgresWebFactAttribute : FactAttribute
{
    public const string UrlVariable = "BODASHBOARD_PG_WEB_URL";

    public PostgresWebFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UrlVariable)))
            Skip = $"{UrlVariable} is not set: run tests/scale-out/live-pages.sh (PostgreSQL, a web and two worker processes)";
        else if (!File.Exists(Browser.ExecutablePath))
            Skip = $"{Browser.ExecutablePath} is not installed (apt-get install chromium)";
    }

    public static Uri BaseAddress => new(Environment.GetEnvironmentVariable(UrlVariable)!.TrimEnd('/') + "/");
}
