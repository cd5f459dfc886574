namespace BoDashboard.Web.Hosting;

/// <summary>Finds the repository's top folder (appsettings.json, wwwroot, data/) so that `dotnet run --project
/// src/BoDashboard.Web`, the test host and a binary started from bin/ all use the same settings and assets.</summary>
public static class ContentRootLocator
{
    public const string Marker = "BoDashboard.sln";

    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
                    return dir.FullName;
            }
        }
        // A published app carries appsettings.json and wwwroot next to its binaries.
        return AppContext.BaseDirectory;
    }
}
