using System.Globalization;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Web.Components.StudyForm;

/// <summary>One editable row of the parameter table.</summary>
public sealed class ParameterRow
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "float";
    public double? Low { get; set; }
    public double? High { get; set; }
    public bool Log { get; set; }

    /// <summary>Comma-separated, for categorical parameters.</summary>
    public string Choices { get; set; } = "";

    public ParameterDefinition ToDefinition() => Type == "categorical"
        ? new ParameterDefinition(Name.Trim(), Type, Choices: Choices.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        : new ParameterDefinition(Name.Trim(), Type, Low, High, Log);

    public static ParameterRow From(ParameterDefinition d) => new()
    {
        Name = d.Name, Type = d.Type, Low = d.Low, High = d.High, Log = d.Log,
        Choices = string.Join(", ", d.Choices ?? []),
    };

    public override string ToString() => Type == "categorical"
        ? $"{Name} in {{{Choices}}}"
        : string.Create(CultureInfo.InvariantCulture, $"{Name} in [{Low}, {High}]{(Log ? " log" : "")}");
}
