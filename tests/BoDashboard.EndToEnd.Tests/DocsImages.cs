namespace BoDashboard.EndToEnd.Tests;

/// <summary>Where the documentation's screenshots go: docs/images of the repository these tests were built from.</summary>
internal static class DocsImages
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BoDashboard.sln"))) return Path.Combine(dir.FullName, "docs", "images");
        throw new DirectoryNotFoundException("BoDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
