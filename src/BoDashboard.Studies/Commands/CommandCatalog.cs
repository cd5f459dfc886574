using System.Text.RegularExpressions;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Studies.Commands;

/// <summary>The trial commands this server is configured with, by name, and the checks a study naming one must pass.</summary>
public sealed partial class CommandCatalog(IReadOnlyDictionary<string, CommandDefinition> commands)
{
    public static CommandCatalog Empty { get; } = new(new Dictionary<string, CommandDefinition>());

    public IReadOnlyList<string> Names { get; } = commands.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyDictionary<string, CommandDefinition> Commands { get; } = commands;

    public CommandDefinition? Find(string? name) => name is not null && Commands.TryGetValue(name, out var c) ? c : null;

    /// <summary>Problems of a study that names <paramref name="name"/> and searches <paramref name="parameters"/>.</summary>
    public IEnumerable<ValidationError> Validate(string? name, IEnumerable<string> parameters)
    {
        var command = Find(name);
        if (command is null)
        {
            yield return new ValidationError("objective.command", Names.Count == 0
                ? $"unknown command '{name}': this server has no trial commands configured (Objectives:Commands in appsettings.json)"
                : $"unknown command '{name}'; this server is configured with: {string.Join(", ", Names)}");
            yield break;
        }
        var known = parameters.ToHashSet(StringComparer.Ordinal);
        var missing = command.Arguments.SelectMany(ParameterReferences).Where(p => !known.Contains(p)).Distinct().ToList();
        if (missing.Count > 0)
            yield return new ValidationError("parameters", $"command '{name}' passes {string.Join(", ", missing.Select(m => $"{{{m}}}"))} to its program; add {(missing.Count == 1 ? "that parameter" : "those parameters")} to the search space");
    }

    /// <summary>The parameter names an argument refers to as <c>{name}</c>.</summary>
    public static IEnumerable<string> ParameterReferences(string argument) => ParameterReference().Matches(argument).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_.\-]*)\}")]
    internal static partial Regex ParameterReference();
}
