using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Acquisition;

/// <summary>The acquisitions by name: "ei", "pi", "ucb".</summary>
public static class AcquisitionFunctions
{
    public static IReadOnlyList<string> Names { get; } = ["ei", "pi", "ucb"];

    public static PosteriorAcquisition Create(string name, GaussianProcessModel model, double xi, double kappa) =>
        name.ToLowerInvariant() switch
        {
            "ei" => new ExpectedImprovement(model, xi),
            "pi" => new ProbabilityOfImprovement(model, xi),
            "ucb" => new UpperConfidenceBound(model, kappa),
            _ => throw new ArgumentException($"unknown acquisition '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
        };
}
