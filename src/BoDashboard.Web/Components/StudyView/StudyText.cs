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

    /// <summary>"3 complete · 2 pruned · 1 running": how many trials are in each state, in a fixed order (states with
    /// none left out).</summary>
    public static string TrialCounts(IReadOnlyList<TrialDetails> trials)
    {
        if (trials.Count == 0) return "No trials yet.";
        var counts = trials.GroupBy(t => t.State).ToDictionary(g => g.Key, g => g.Count());
        var order = new[] { TrialStates.Complete, TrialStates.Pruned, TrialStates.Failed, TrialStates.Cancelled, TrialStates.Running };
        return string.Join(" · ", order.Concat(counts.Keys.Except(order).Order(StringComparer.Ordinal))
            .Where(counts.ContainsKey).Select(state => $"{counts[state]} {state}"));
    }

    public static string Sampler(StudyDetails study) => study.Sampler.Name == "gp-ei"
        ? string.Create(CultureInfo.InvariantCulture,
            $"gp-ei ({study.Sampler.InitialPoints} initial points, {study.Sampler.Acquisition} xi {study.Sampler.Xi}, seed {study.Sampler.Seed}{PendingText(study)})")
        : study.Sampler.Name;

    /// <summary>What running trials count as: said when trials run in parallel or the choice is not the default.</summary>
    private static string PendingText(StudyDetails study) =>
        study.Parallelism > 1 || study.Sampler.Pending != Optimization.Samplers.SamplerSettings.Believer
            ? $", pending trials: {study.Sampler.Pending}"
            : "";
}
