namespace BoDashboard.Client;

/// <summary>How trials are proposed. Settings left <c>null</c> take the server's defaults (for <c>gp-ei</c>:
/// 5 initial points, xi 0.01, acquisition ei, seed 0).</summary>
public sealed record SamplerDefinition
{
    /// <summary><c>gp-ei</c> (Gaussian process + an acquisition), <c>random</c> or <c>grid</c>.</summary>
    public required string Name { get; init; }

    /// <summary>gp-ei: random trials before the GP takes over.</summary>
    public int? InitialPoints { get; init; }

    /// <summary>gp-ei: exploration margin of EI and PI.</summary>
    public double? Xi { get; init; }

    /// <summary>gp-ei: <c>ei</c>, <c>pi</c> or <c>ucb</c>.</summary>
    public string? Acquisition { get; init; }

    /// <summary>gp-ei with ucb: the weight of the standard deviation.</summary>
    public double? Kappa { get; init; }

    /// <summary>Random seed (gp-ei and random), so that a study can be repeated.</summary>
    public int? Seed { get; init; }

    /// <summary>gp-ei with trials running in parallel: what it assumes for a pending trial, <c>believer</c> (the
    /// default: the model's prediction), <c>optimist</c> (half a standard deviation better), <c>liar</c> (the worst value
    /// seen), <c>penalisation</c> (the acquisition lowered around it), <c>thompson</c> (the model's prediction, and
    /// the next trial maximises one draw from the posterior) or <c>integrated</c> (EI averaged over draws of its
    /// outcome).</summary>
    public string? Pending { get; init; }

    /// <summary>Gaussian process with Expected Improvement.</summary>
    public static SamplerDefinition GpEi(int? initialPoints = null, double? xi = null, int? seed = null) =>
        new() { Name = "gp-ei", InitialPoints = initialPoints, Xi = xi, Seed = seed };

    /// <summary>Uniform random search (the baseline to compare with).</summary>
    public static SamplerDefinition Random(int? seed = null) => new() { Name = "random", Seed = seed };

    /// <summary>Grid search sized to the budget.</summary>
    public static SamplerDefinition Grid() => new() { Name = "grid" };
}
