using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Pruners;

/// <summary>Pruners by name: "none", "median", "asha", "hyperband".</summary>
public static class PrunerRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["none", "median", "asha", "hyperband"];

    public static IPruner Create(PrunerSettings settings)
    {
        var errors = Validate(settings);
        if (errors.Count > 0) throw new SearchSpaceException(errors);
        return settings.Name switch
        {
            "median" => new MedianPruner(settings.StartupTrials, settings.WarmupSteps, settings.SparesNearEquals),
            "asha" => new SuccessiveHalvingPruner(settings.MinResource, settings.ReductionFactor, noiseAware: settings.SparesNearEquals),
            "hyperband" => new HyperbandPruner(settings.MinResource, settings.MaxResource, settings.ReductionFactor, settings.SparesNearEquals),
            _ => new NoPruner(),
        };
    }

    public static IReadOnlyList<ValidationError> Validate(PrunerSettings settings)
    {
        var errors = new List<ValidationError>();
        if (settings.Name is null || !Names.Contains(settings.Name))
        {
            errors.Add(new ValidationError("pruner.name", $"unknown pruner '{settings.Name}'; expected one of {string.Join(", ", Names)}"));
            return errors;
        }
        if (settings.Name == "median")
        {
            if (settings.StartupTrials < 0) errors.Add(new ValidationError("pruner.startupTrials", $"must be at least 0, got {settings.StartupTrials}"));
            if (settings.WarmupSteps < 0) errors.Add(new ValidationError("pruner.warmupSteps", $"must be at least 0, got {settings.WarmupSteps}"));
        }
        if (settings.Name is "asha" or "hyperband")
        {
            if (settings.MinResource < 1) errors.Add(new ValidationError("pruner.minResource", $"must be at least 1, got {settings.MinResource}"));
            if (settings.ReductionFactor < 2) errors.Add(new ValidationError("pruner.reductionFactor", $"must be at least 2, got {settings.ReductionFactor}"));
        }
        // In long: minResource × reductionFactor overflows an int for large settings, and a negative product let any
        // maxResource through.
        var smallestMax = (long)settings.MinResource * Math.Max(2, settings.ReductionFactor);
        if (settings.Name == "hyperband" && settings.MaxResource < smallestMax)
            errors.Add(new ValidationError("pruner.maxResource", $"must be at least minResource × reductionFactor ({smallestMax}), got {settings.MaxResource}"));
        return errors;
    }
}
