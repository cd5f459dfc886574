namespace BoDashboard.Client.Tests;

/// <summary>Finds <c>python3</c> on PATH, as a shell would.</summary>
public static class Python
{
    public static readonly string? Executable = Find();

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { "python3.exe", "python.exe" } : ["python3"])
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
