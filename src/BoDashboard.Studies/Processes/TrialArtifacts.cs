namespace BoDashboard.Studies.Processes;

/// <summary>
/// The files in a trial's folder, and the one file a relative path names, never anything outside the folder: a
/// path with a ".." segment, an absolute or rooted path, and a path that reaches through a symbolic link to
/// somewhere outside are all refused. Links that stay inside the folder are followed.
/// </summary>
public sealed class TrialArtifacts(TrialFolders folders)
{
    /// <summary>Every regular file under the trial's folder (links leading outside left out), by path.</summary>
    public IReadOnlyList<TrialArtifact> List(int studyId, int trialNumber)
    {
        var root = folders.For(studyId, trialNumber);
        if (!Directory.Exists(root)) return [];
        var found = new List<TrialArtifact>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (Resolve(root, relative) is { } resolved)
            {
                var info = new FileInfo(resolved);
                found.Add(new TrialArtifact(relative, info.Length, info.LastWriteTimeUtc));
            }
        }

        // Links to files inside the folder are enumerated apart: the walk above skips every link.
        foreach (var link in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                     .Where(p => new FileInfo(p).LinkTarget is not null))
        {
            var relative = Path.GetRelativePath(root, link).Replace(Path.DirectorySeparatorChar, '/');
            if (Resolve(root, relative) is { } resolved && File.Exists(resolved) && found.All(f => f.Path != relative))
            {
                var info = new FileInfo(resolved);
                found.Add(new TrialArtifact(relative, info.Length, info.LastWriteTimeUtc));
            }
        }

        return [.. found.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>The full path of the file <paramref name="relativePath"/> names inside the trial's folder, or null when
    /// the path is malformed, leaves the folder (also through a link) or names no regular file.</summary>
    public string? Find(int studyId, int trialNumber, string relativePath)
    {
        var root = folders.For(studyId, trialNumber);
        if (!Directory.Exists(root)) return null;
        var resolved = Resolve(root, relativePath);
        return resolved is not null && File.Exists(resolved) ? resolved : null;
    }

    /// <summary>Whether a requested path is acceptable at all: relative, no "..", "." or empty segment, no backslash
    /// or NUL, not rooted (also "C:...").</summary>
    public static bool IsWellFormed(string relativePath) =>
        relativePath.Length > 0
        && !relativePath.Contains('\\') && !relativePath.Contains('\0')
        && !Path.IsPathRooted(relativePath) && !relativePath.Contains(':')
        && relativePath.Split('/').All(s => s.Length > 0 && s != "." && s != "..");

    /// <summary>Walks the path one segment at a time, following each link to its final target, and gives up as soon as
    /// the walk is outside <paramref name="root"/>.</summary>
    private static string? Resolve(string root, string relativePath)
    {
        if (!IsWellFormed(relativePath)) return null;
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var current = fullRoot;
        foreach (var segment in relativePath.Split('/'))
        {
            current = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null) return null;
                current = Path.GetFullPath(target.FullName);
            }

            if (!Inside(fullRoot, current)) return null;
        }

        return current;
    }

    private static bool Inside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
