using BoDashboard.Studies.Commands;

namespace BoDashboard.Web.Components.StudyForm;

/// <summary>What the form says about a chosen trial command: its description, the <c>{parameter}</c> references its arguments
/// use (in order of first use) and those the search space does not have yet.</summary>
public sealed record CommandChoice(string Name, string? Description, IReadOnlyList<string> ParameterReferences, IReadOnlyList<string> Missing)
{
    /// <summary>Null when <paramref name="name"/> is not one of the catalog's commands.</summary>
    public static CommandChoice? For(CommandCatalog catalog, string? name, IEnumerable<string> parameterNames)
    {
        if (name is null || catalog.Find(name) is not { } command) return null;
        var references = command.Arguments.SelectMany(CommandCatalog.ParameterReferences).Distinct(StringComparer.Ordinal).ToList();
        var present = parameterNames.Select(n => n.Trim()).ToHashSet(StringComparer.Ordinal);
        return new CommandChoice(name, string.IsNullOrWhiteSpace(command.Description) ? null : command.Description,
            references, references.Where(p => !present.Contains(p)).ToList());
    }
}
