using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BoDashboard.Training.Benchmarks;

/// <summary>
/// Runs the PyTorch reference script (Reference/torch_alexnet_bench.py, copied next to the program) with python3,
/// without a shell, and reads its images/s. A missing python3 or torch is reported, not thrown: the bench then
/// prints TorchSharp's figures alone.
/// </summary>
public static partial class PyTorchReference
{
    public const string ScriptFileName = "torch_alexnet_bench.py";

    /// <summary>Where the build copies the script.</summary>
    public static string DefaultScriptPath => Path.Combine(AppContext.BaseDirectory, "Reference", ScriptFileName);

    /// <summary>
    /// The interpreters tried when none is named: python3 on the PATH, then Debian's own, where python3-torch
    /// installs (a pyenv or venv python3 earlier on the PATH often lacks torch).
    /// </summary>
    public static IReadOnlyList<string> DefaultInterpreters { get; } = ["python3", "/usr/bin/python3"];

    /// <summary>
    /// Runs the script with the first of <paramref name="interpreters"/> that has torch; when none has, the
    /// measurement names each one's problem.
    /// </summary>
    public static PyTorchMeasurement RunFirstAvailable(
        IReadOnlyList<string> interpreters, int threads, int compactSteps, int classicSteps, string? script = null,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var python in interpreters.Distinct(StringComparer.Ordinal))
        {
            var measurement = Run(threads, compactSteps, classicSteps, python, script, cancellationToken);
            if (measurement.Problem is null || measurement.Version is not null)
                return measurement with { Interpreter = python };
            problems.Add(measurement.Problem);
        }
        return new PyTorchMeasurement(null, null, null, string.Join("; ", problems));
    }

    /// <summary>Runs the script with <paramref name="threads"/> torch threads and the given timed steps per net.</summary>
    public static PyTorchMeasurement Run(
        int threads, int compactSteps, int classicSteps, string python = "python3", string? script = null,
        CancellationToken cancellationToken = default)
    {
        script ??= DefaultScriptPath;
        if (!File.Exists(script))
            return new PyTorchMeasurement(null, null, null, $"the reference script is missing: {script}");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, Invariant(threads), Invariant(compactSteps), Invariant(classicSteps) })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{python} did not start");
        }
        catch (Win32Exception e)
        {
            return new PyTorchMeasurement(null, null, null, $"{python} is not available ({e.Message})");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            try
            {
                process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var stdout = output.GetAwaiter().GetResult();
            var stderr = errors.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                var problem = stderr.Contains("No module named 'torch'", StringComparison.Ordinal)
                    ? $"torch is not installed for {python} (Debian: apt-get install python3-torch libopenblas0-pthread)"
                    : $"the reference script failed (exit code {process.ExitCode}): {LastLine(stderr)}";
                return new PyTorchMeasurement(null, null, null, problem);
            }
            return Parse(stdout) with { Interpreter = python };
        }
    }

    /// <summary>Reads the script's three lines; a figure it did not print stays null and is named in the problem.</summary>
    public static PyTorchMeasurement Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var version = lines.FirstOrDefault(line => line.StartsWith("torch ", StringComparison.Ordinal));
        var compact = Figure(lines, "compact AlexNet");
        var classic = Figure(lines, "classic AlexNet");
        var problem = compact is null || classic is null
            ? $"the reference script's output had no images/s for {(compact is null ? "the compact net" : "the classic net")}"
            : null;
        return new PyTorchMeasurement(compact, classic, version, problem);
    }

    private static double? Figure(IEnumerable<string> lines, string prefix)
    {
        foreach (var line in lines.Where(line => line.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = ImagesPerSecond().Match(line);
            if (match.Success)
                return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@":\s*([0-9]+(?:\.[0-9]+)?)\s+images/s")]
    private static partial Regex ImagesPerSecond();
}
