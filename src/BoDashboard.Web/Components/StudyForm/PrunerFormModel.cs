using BoDashboard.Studies.Definition;

namespace BoDashboard.Web.Components.StudyForm;

/// <summary>What the New study form edits of a study's pruner. Defaults are the README's: median (5 startup trials,
/// 1 warm-up step), ASHA (min resource 1, reduction factor 3), Hyperband (also max resource 6; empty for an AlexNet
/// study takes its epochs).</summary>
public sealed class PrunerFormModel
{
    public const string None = "none";
    public const string Median = "median";
    public const string Asha = "asha";
    public const string Hyperband = "hyperband";

    /// <summary>Hyperband's max resource when the objective does not say how many steps a trial reports.</summary>
    public const int DefaultMaxResource = 6;

    /// <summary>The choices as (name, label).</summary>
    public static IReadOnlyList<(string Name, string Label)> Choices { get; } =
    [
        (None, "none"),
        (Median, "median"),
        (Asha, "ASHA (asynchronous successive halving)"),
        (Hyperband, "Hyperband"),
    ];

    public string Name { get; set; } = None;
    public int StartupTrials { get; set; } = 5;
    public int WarmupSteps { get; set; } = 1;
    public int MinResource { get; set; } = 1;

    /// <summary>Empty: an AlexNet study's epochs (other objectives must say).</summary>
    public int? MaxResource { get; set; }
    public int ReductionFactor { get; set; } = 3;

    /// <summary>After the choice changed: Hyperband needs the last step a trial reports, which only an AlexNet study
    /// knows by itself; other objectives start from the README's 6.</summary>
    public void Chosen(bool alexNet)
    {
        if (Name == Hyperband && MaxResource is null && !alexNet) MaxResource = DefaultMaxResource;
    }

    /// <summary>The chosen pruner with only its own settings; null for none (the API's default).</summary>
    public PrunerDefinition? ToDefinition() => Name switch
    {
        None => null,
        Median => new PrunerDefinition(Name, StartupTrials: StartupTrials, WarmupSteps: WarmupSteps),
        Asha => new PrunerDefinition(Name, MinResource: MinResource, ReductionFactor: ReductionFactor),
        Hyperband => new PrunerDefinition(Name, MinResource: MinResource, MaxResource: MaxResource, ReductionFactor: ReductionFactor),
        _ => new PrunerDefinition(Name),
    };
}
