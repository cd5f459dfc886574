namespace BoDashboard.Client;

/// <summary>How a study stops unpromising trials early from their reported intermediate values
/// (<see cref="BoDashboardClient.ReportAsync"/>). Settings left <c>null</c> take the server's defaults.</summary>
public sealed record PrunerDefinition
{
    /// <summary><c>none</c>, <c>median</c>, <c>asha</c> or <c>hyperband</c>.</summary>
    public required string Name { get; init; }

    /// <summary>median: trials that are never pruned, to learn what a normal curve looks like.</summary>
    public int? StartupTrials { get; init; }

    /// <summary>median: steps of each trial that are never pruned.</summary>
    public int? WarmupSteps { get; init; }

    /// <summary>asha and hyperband: the smallest resource (step) at which a trial is judged.</summary>
    public int? MinResource { get; init; }

    /// <summary>hyperband: the largest resource a trial gets.</summary>
    public int? MaxResource { get; init; }

    /// <summary>asha and hyperband: how many trials share each promotion (keeps 1 in this many).</summary>
    public int? ReductionFactor { get; init; }

    /// <summary>Never prune (the server's default).</summary>
    public static PrunerDefinition None() => new() { Name = "none" };

    /// <summary>Prune a trial whose value at a step is worse than the median of earlier trials at that step.</summary>
    public static PrunerDefinition Median(int? startupTrials = null, int? warmupSteps = null) =>
        new() { Name = "median", StartupTrials = startupTrials, WarmupSteps = warmupSteps };

    /// <summary>Asynchronous successive halving.</summary>
    public static PrunerDefinition Asha(int? minResource = null, int? reductionFactor = null) =>
        new() { Name = "asha", MinResource = minResource, ReductionFactor = reductionFactor };

    /// <summary>Hyperband: several successive-halving brackets.</summary>
    public static PrunerDefinition Hyperband(int? minResource = null, int? maxResource = null, int? reductionFactor = null) =>
        new() { Name = "hyperband", MinResource = minResource, MaxResource = maxResource, ReductionFactor = reductionFactor };
}
