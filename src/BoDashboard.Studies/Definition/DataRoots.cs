using BoDashboard.Optimization.Space;
using Microsoft.Extensions.Configuration;

namespace BoDashboard.Studies.Definition;

/// <summary>
/// The folders a study may read data from or run a command in (<c>Storage:DataRoots</c>; by default the repository's
/// data/ folder and /usr/share/datasets). A <c>datasetPath</c> or a command's working directory outside them,
/// reached through <c>..</c> or through a symbolic link, is refused when the study is created: whoever may create
/// studies must not make the server read, or run programs in, any folder it can see.
/// </summary>
public sealed class DataRoots
{
    public const string Setting = "Storage:DataRoots";
    public const string SystemDatasets = "/usr/share/datasets";

    public DataRoots(IEnumerable<string> roots, string baseDirectory)
    {
        BaseDirectory = Path.GetFullPath(baseDirectory);
        Roots = roots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => RealPath(Path.Combine(BaseDirectory, r.Trim()))).Distinct().ToList();
    }

    /// <summary>Where relative paths start: the repository's top folder (the trial processes' working directory).</summary>
    public string BaseDirectory { get; }

    /// <summary>The roots with their symbolic links resolved.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Storage:DataRoots, as an array or one value separated by ';'; relative roots from <paramref name="baseDirectory"/>.</summary>
    public static DataRoots From(IConfiguration configuration, string baseDirectory)
    {
        var section = configuration.GetSection(Setting);
        var roots = section.Value is { Length: > 0 } list
            ? list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        return roots.Length == 0 ? Defaults(baseDirectory) : new DataRoots(roots, baseDirectory);
    }

    public static DataRoots Defaults(string baseDirectory) => new(["data", SystemDatasets], baseDirectory);

    /// <summary>Whether <paramref name="path"/> (relative to <see cref="BaseDirectory"/>) lies in a root once <c>..</c>
    /// and symbolic links are resolved.</summary>
    public bool Contains(string path)
    {
        var real = RealPath(Path.Combine(BaseDirectory, path));
        return Roots.Any(root => real == root || real.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>The error for <paramref name="field"/> when <paramref name="path"/> is outside the roots, else none;
    /// <paramref name="what"/> says what the path is, for the message.</summary>
    public IEnumerable<ValidationError> Check(string field, string? path, string what = "the dataset folder")
    {
        if (string.IsNullOrWhiteSpace(path)) yield break;
        // No file name holds a NUL, and resolving one throws: refuse it before asking where the path leads.
        if (path.Contains('\0'))
        {
            yield return new ValidationError(field, $"{what} contains a NUL character; send a folder's path");
            yield break;
        }
        if (Contains(path)) yield break;
        yield return new ValidationError(field,
            $"{what} '{path}' is outside the data folders this server allows ({string.Join(", ", Roots)}); move it there or add its folder to {Setting}");
    }

    /// <summary>The absolute path with every symbolic link along it resolved (components that do not exist yet are
    /// kept as written), like realpath(3).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                // The target may itself lie under links (a relative link into a linked folder): resolve it again.
                next = target is null ? next : RealPath(target.FullName);
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current) is { Length: > 0 } trimmed ? trimmed : root;
    }
}
