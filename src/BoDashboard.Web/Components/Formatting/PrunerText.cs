using System.Globalization;
using BoDashboard.Optimization.Pruners;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Web.Components.Formatting;

/// <summary>How the pages write a pruner: its name and settings in words, what it does in one line, and the compute it
/// saved.</summary>
public static class PrunerText
{
    /// <summary>"ASHA pruner (min resource 1, reduction factor 3)"; null when there is no pruner.</summary>
    public static string? Describe(PrunerDefinition? pruner) => pruner?.Name switch
    {
        "median" => $"Median pruner ({Settings(("startup trials", pruner.StartupTrials), ("warm-up steps", pruner.WarmupSteps))})",
        "asha" => $"ASHA pruner ({Settings(("min resource", pruner.MinResource), ("reduction factor", pruner.ReductionFactor))})",
        "hyperband" => $"Hyperband pruner ({Settings(("min resource", pruner.MinResource), ("max resource", pruner.MaxResource), ("reduction factor", pruner.ReductionFactor))})",
        _ => null,
    };

    /// <summary>What the pruner does with these settings, in one line (missing settings take the validator's defaults).</summary>
    public static string Explain(PrunerDefinition? pruner)
    {
        var min = pruner?.MinResource ?? 1;
        var factor = pruner?.ReductionFactor ?? 3;
        return pruner?.Name switch
        {
            "median" => $"Stops a trial whose best value so far is below the median of the earlier completed trials at the same step, "
                        + $"once {pruner.StartupTrials ?? 5} trials have completed and from step {pruner.WarmupSteps ?? 0} on.",
            "asha" => $"At steps {Rungs(min, factor)} only the top {Share(factor)} of the trials that got there go on; the others stop.",
            "hyperband" => $"ASHA in {Brackets(min, pruner.MaxResource, factor)}: some trials are judged early, others only late.",
            _ => "No pruner: every trial runs to its end.",
        };
    }

    /// <summary>"steps run 41 of 90 without pruning · 54 % saved": the intermediate values reported, against what they
    /// would have been had no trial been pruned.</summary>
    public static string ComputeSaved(int stepsRun, int stepsWithoutPruning)
    {
        if (stepsWithoutPruning <= 0) return "no steps reported yet";
        var saved = 100.0 * (1 - (double)stepsRun / stepsWithoutPruning);
        return string.Create(CultureInfo.InvariantCulture, $"steps run {stepsRun} of {stepsWithoutPruning} without pruning · {Math.Max(0, saved):0} % saved");
    }

    private static string Settings(params (string Name, int? Value)[] settings) =>
        string.Join(", ", settings.Where(s => s.Value is not null).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Value}")));

    /// <summary>"1, 3, 9, …": the first rungs of successive halving.</summary>
    private static string Rungs(int min, int factor) => factor < 2 || min < 1
        ? "min resource × reduction factorᵏ"
        : string.Join(", ", Enumerable.Range(0, 3).Select(k => (min * Math.Pow(factor, k)).ToString("0", CultureInfo.InvariantCulture))) + ", …";

    /// <summary>"2 brackets that start judging at steps 1 and 3, up to step 6": Hyperband's brackets.</summary>
    private static string Brackets(int min, int? max, int factor)
    {
        var count = factor < 2 || min < 1 || max is null || max < min ? 0 : HyperbandPruner.BracketCount(min, max.Value, factor);
        if (count < 2) return "brackets that start judging at different steps, up to the last step (max resource)";
        var starts = Enumerable.Range(0, count).Select(b => (min * Math.Pow(factor, b)).ToString("0", CultureInfo.InvariantCulture)).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{count} brackets that start judging at steps {string.Join(", ", starts[..^1])} and {starts[^1]}, up to step {max}");
    }

    private static string Share(int factor) => factor switch
    {
        2 => "half",
        3 => "third",
        4 => "quarter",
        _ => string.Create(CultureInfo.InvariantCulture, $"1/{factor}"),
    };
}
