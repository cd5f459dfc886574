namespace BoDashboard.Training.Datasets;

/// <summary>
/// Finds dataset folders the same way from the repository root, a test's bin folder or a published app, so no
/// caller has to pass a path for the defaults.
/// </summary>
public static class DataPaths
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs the full set.</summary>
    public const string SystemFashionMnist = "/usr/share/datasets/fashion-mnist";

    /// <summary>Overrides the folder holding the repository's data/ content (e.g. in a container).</summary>
    public const string DataRootVariable = "BODASHBOARD_DATA";

    private const string ShippedFashionMnist = "fashion-mnist";

    /// <summary>
    /// The Fashion-MNIST folder to use: <paramref name="configured"/> when given; else the full set in
    /// <see cref="SystemFashionMnist"/> when installed; else the shipped subset.
    /// </summary>
    public static string FashionMnist(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);
        if (Datasets.FashionMnist.IsPresentIn(SystemFashionMnist))
            return SystemFashionMnist;
        return ShippedFashionMnistFolder();
    }

    /// <summary>The shipped subset: under $BODASHBOARD_DATA, next to the app, or in data/ of the enclosing repository.</summary>
    public static string ShippedFashionMnistFolder()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(DataRootVariable) is { Length: > 0 } root)
            candidates.Add(Path.Combine(root, ShippedFashionMnist));
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "data", ShippedFashionMnist));
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            if (RepositoryRoot(start) is { } repository)
                candidates.Add(Path.Combine(repository, "data", ShippedFashionMnist));
        }
        return candidates.FirstOrDefault(Datasets.FashionMnist.IsPresentIn)
            ?? throw new DatasetFormatException(candidates[0],
                $"the Fashion-MNIST subset was not found; looked in: {string.Join(", ", candidates.Distinct())}");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds BoDashboard.sln.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BoDashboard.sln")))
                return folder.FullName;
        }
        return null;
    }
}
