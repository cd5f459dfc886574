using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>Samplers by name: "gp-ei", "random", "grid".</summary>
public static class SamplerRegistry
{
    private static readonly Dictionary<string, Func<SamplerSettings, ISampler>> Factories = new(StringComparer.Ordinal)
    {
        ["gp-ei"] = s => new GpEiSampler(s),
        ["random"] = s => new RandomSampler(s),
        ["grid"] = s => new GridSampler(s),
    };

    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    public static ISampler Create(SamplerSettings settings)
    {
        var errors = Validate(settings);
        if (errors.Count > 0)
        {
            throw new SearchSpaceException(errors);
        }

        return Factories[settings.Name](settings);
    }

    public static IReadOnlyList<ValidationError> Validate(SamplerSettings settings)
    {
        var errors = new List<ValidationError>();
        if (settings.Name is null || !Factories.ContainsKey(settings.Name))
        {
            errors.Add(new ValidationError("sampler.name", $"unknown sampler '{settings.Name}'; expected one of {string.Join(", ", Names)}"));
        }

        if (settings.InitialPoints < 1)
        {
            errors.Add(new ValidationError("sampler.initialPoints", $"initialPoints must be at least 1, got {settings.InitialPoints}"));
        }

        if (settings.Acquisition is null || !AcquisitionFunctions.Names.Contains(settings.Acquisition.ToLowerInvariant()))
        {
            errors.Add(new ValidationError("sampler.acquisition", $"unknown acquisition '{settings.Acquisition}'; expected one of {string.Join(", ", AcquisitionFunctions.Names)}"));
        }

        if (!double.IsFinite(settings.Xi) || settings.Xi < 0)
        {
            errors.Add(new ValidationError("sampler.xi", $"xi must be a finite number >= 0, got {settings.Xi}"));
        }

        if (!double.IsFinite(settings.Kappa) || settings.Kappa < 0)
        {
            errors.Add(new ValidationError("sampler.kappa", $"kappa must be a finite number >= 0, got {settings.Kappa}"));
        }

        if (settings.Budget is < 1)
        {
            errors.Add(new ValidationError("budget", $"budget must be at least 1, got {settings.Budget}"));
        }

        if (settings.Noise is { } noise && (!double.IsFinite(noise) || noise <= 0))
        {
            errors.Add(new ValidationError("sampler.noise", $"noise must be a finite number > 0, got {noise}"));
        }

        if (settings.PendingFantasy is null || !SamplerSettings.PendingFantasies.Contains(settings.PendingFantasy))
        {
            errors.Add(new ValidationError("sampler.pending",
                $"unknown pending strategy '{settings.PendingFantasy}'; expected one of {string.Join(", ", SamplerSettings.PendingFantasies)}"));
        }

        return errors;
    }
}
