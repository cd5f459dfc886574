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
    public IEnumerable<ValidationError> Validate(string? name, IEnumerable<Definition.ParameterDefinition?> parameters)
    {
        var searched = parameters.ToList();
        var command = Find(name);
        if (command is null)
        {
            yield return new ValidationError("objective.command", Names.Count == 0
                ? $"unknown command '{name}': this server has no trial commands configured (Objectives:Commands in appsettings.json)"
                : $"unknown command '{name}'; this server is configured with: {string.Join(", ", Names)}");
            yield break;
        }
        var known = searched.Select(p => p?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = command.Arguments.SelectMany(ParameterReferences).Where(p => !known.Contains(p)).Distinct().ToList();
        if (missing.Count > 0)
            yield return new ValidationError("parameters", $"command '{name}' passes {string.Join(", ", missing.Select(m => $"{{{m}}}"))} to its program; add {(missing.Count == 1 ? "that parameter" : "those parameters")} to the search space");
        foreach (var error in OptionLikeChoices(name!, command, searched)) yield return error;
    }

    /// <summary>Categorical choices that would begin an argument with '-': the program would read such a value as one of
    /// its own options (e.g. <c>--output=/etc/x</c>), which a study must not be able to choose. Inside an argument such as
    /// <c>--optimizer={optimizer}</c> any choice is data.</summary>
    private static IEnumerable<ValidationError> OptionLikeChoices(string name, CommandDefinition command, List<Definition.ParameterDefinition?> parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            // Indices as in the request, so the message sits at the right row of the form.
            if (parameters[i] is not { Name: not null, Choices: not null } parameter || !command.Arguments.Any(a => StartsWithReference(a, parameter.Name))) continue;
            foreach (var choice in parameter.Choices.OfType<string>().Where(OptionLike).Distinct(StringComparer.Ordinal))
                yield return new ValidationError($"parameters[{i}].choices",
                    $"choice '{choice}' would begin an argument of command '{name}', which would read it as an option; remove the leading '-'");
        }
    }

    /// <summary>True when <paramref name="argument"/> starts with the reference <c>{parameter}</c>.</summary>
    public static bool StartsWithReference(string argument, string parameter) => argument.StartsWith("{" + parameter + "}", StringComparison.Ordinal);

    /// <summary>A text value that a program's option parser would take for an option: it starts with '-' and is not a number.</summary>
    public static bool OptionLike(string value) =>
        value.StartsWith('-') && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>The parameter names an argument refers to as <c>{name}</c>.</summary>
    public static IEnumerable<string> ParameterReferences(string argument) => ParameterReference().Matches(argument).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_.\-]*)\}")]
    internal static partial Regex ParameterReference();
}
