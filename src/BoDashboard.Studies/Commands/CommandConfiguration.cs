using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace BoDashboard.Studies.Commands;

/// <summary>Reads Objectives:Commands (appsettings.json, environment, command line) into a catalog. A command without
/// an executable stops the start-up with a message naming it, rather than failing every trial later.</summary>
public static class CommandConfiguration
{
    public const string Section = "Objectives:Commands";

    public static CommandCatalog Read(IConfiguration configuration)
    {
        var commands = new Dictionary<string, CommandDefinition>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var command = new CommandDefinition
            {
                Description = entry["Description"],
                Executable = entry["Executable"] ?? "",
                Arguments = Ordered(entry.GetSection("Arguments")).ToList(),
                WorkingDirectory = entry["WorkingDirectory"],
                Environment = entry.GetSection("Environment").GetChildren().ToDictionary(e => e.Key, e => e.Value ?? "", StringComparer.Ordinal),
            };
            if (entry["TimeoutSeconds"] is { Length: > 0 } timeout)
            {
                if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    throw new InvalidOperationException($"{Section}:{entry.Key}:TimeoutSeconds must be a positive number of seconds, not '{timeout}'");
                command.TimeoutSeconds = seconds;
            }
            if (string.IsNullOrWhiteSpace(command.Executable))
                throw new InvalidOperationException($"{Section}:{entry.Key} has no Executable: set the program to run for each trial");
            commands[entry.Key] = command;
        }
        return new CommandCatalog(commands);
    }

    /// <summary>An array section's values in index order (keys "0", "1", ..., "10").</summary>
    private static IEnumerable<string> Ordered(IConfigurationSection array) => array.GetChildren()
        .OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
        .Select(c => c.Value ?? "");
}
