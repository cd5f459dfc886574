using System.Globalization;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Components.StudyView;

/// <summary>How a study page names a study's objective, sampler and value.</summary>
public static class StudyText
{
    /// <summary>What a trial's value measures, for axis titles and the best-value label.</summary>
    public static string ValueLabel(StudyDetails study) => study.Objective.Kind switch
    {
        ObjectiveDefinition.AlexNet => "validation accuracy",
        ObjectiveDefinition.Analytic => $"{study.Objective.Function} value",
        _ => "value",
    };

    public static string Objective(StudyDetails study) => study.Objective.Kind switch
    {
        ObjectiveDefinition.AlexNet => $"AlexNet on {study.Objective.Dataset ?? "fashion-mnist"}{(study.Objective.Epochs is { } e ? $", {e} epochs" : "")}",
        ObjectiveDefinition.Analytic => $"analytic {study.Objective.Function}",
        ObjectiveDefinition.CommandKind => $"command {study.Objective.Command}",
        _ => "external (ask/tell)",
    };

    public static string Sampler(StudyDetails study) => study.Sampler.Name == "gp-ei"
        ? string.Create(CultureInfo.InvariantCulture,
            $"gp-ei ({study.Sampler.InitialPoints} initial points, {study.Sampler.Acquisition} xi {study.Sampler.Xi}, seed {study.Sampler.Seed})")
        : study.Sampler.Name;
}
