using System.Reflection;

namespace BoDashboard.Studies.Processes;

/// <summary>How to start this product's own trial verbs (`trial-guard`, `trial-alexnet`): the running program itself
/// (the dashboard or the CLI, both answer them), started the way it was started — its apphost, or `dotnet` with its
/// assembly after `dotnet publish` without an apphost.</summary>
public sealed record TrialHost(string Executable, IReadOnlyList<string> PrefixArguments)
{
    public static TrialHost ForThisProcess()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        var entry = Assembly.GetEntryAssembly()?.Location;
        var underMuxer = Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return underMuxer && !string.IsNullOrEmpty(entry) ? new TrialHost(path, [entry]) : new TrialHost(path, []);
    }

    /// <summary>A program's assembly (e.g. the CLI's bodashboard.dll) run by the same `dotnet` as this process.</summary>
    public static TrialHost ForAssembly(string assemblyPath)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? p
            : "dotnet";
        return new TrialHost(dotnet, [assemblyPath]);
    }
}
