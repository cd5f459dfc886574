namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// The size of gp-ei's local (trust-region) steps, TuRBO-style, replayed from the history so a suggestion stays a pure
/// function of it: the box starts at <see cref="InitialSide"/>; after <see cref="FailureTolerance"/> local steps in a
/// row that did not improve the incumbent it halves, after <see cref="SuccessTolerance"/> improving ones it doubles (at
/// most <see cref="MaxSide"/>). Once it has halved below <see cref="MinSide"/> the incumbent's basin counts as
/// exhausted: local steps give way to global ones until a step finds a better point, which starts a new box.
/// </summary>
/// <remarks>
/// A fixed box kept spending half the budget around a basin already resolved (a multimodal problem's other basins
/// then got only the global half), and was too coarse to resolve a narrow optimum or fine ripples inside the basin.
/// </remarks>
internal sealed record TrustRegionSchedule(double Side, bool Exhausted)
{
    public const double InitialSide = 0.4;
    public const double MaxSide = 0.8;
    public const double MinSide = InitialSide / 16;
    public const int SuccessTolerance = 3;

    /// <summary>An improvement must beat the incumbent by this fraction of the range of values seen.</summary>
    private const double RelativeImprovement = 1e-3;

    /// <summary>Failures in a row before the box halves: half of TuRBO's max(4, dimensions), because here only every other
    /// trial is a local step and budgets are tens of trials, not thousands (on the tuning set, seeds 0-9, TuRBO's own
    /// tolerance and a minimum of 1/64 left the box unresolved by the end of a 50-trial study).</summary>
    public static int FailureTolerance(int dimensions) => Math.Max(2, (dimensions + 1) / 2);

    /// <summary>Whether trial number <paramref name="trial"/> is a local step (every other trial from <paramref name="localFrom"/> on).</summary>
    public static bool IsLocalTrial(int trial, int localFrom) => trial >= localFrom && trial % 2 == 1;

    /// <summary>Replays the completed trials in order. <paramref name="targets"/> are to be maximised, one per trial
    /// number (null for a trial that has no value).</summary>
    public static TrustRegionSchedule Replay(IReadOnlyList<double?> targets, int dimensions, int localFrom)
    {
        var (side, exhausted) = (InitialSide, false);
        var (successes, failures) = (0, 0);
        var best = double.NegativeInfinity;
        var (low, high) = (double.PositiveInfinity, double.NegativeInfinity);
        for (var trial = 0; trial < targets.Count; trial++)
        {
            if (targets[trial] is not { } value)
            {
                continue;
            }

            var improved = trial > 0 && value > best + RelativeImprovement * Math.Max(high - low, 1e-12);
            (low, high) = (Math.Min(low, value), Math.Max(high, value));
            best = Math.Max(best, value);
            if (exhausted)
            {
                // Any better point (found by a global step) is a new basin to work on.
                if (improved)
                {
                    (side, exhausted, successes, failures) = (InitialSide, false, 0, 0);
                }

                continue;
            }

            if (!IsLocalTrial(trial, localFrom))
            {
                continue;
            }

            (successes, failures) = improved ? (successes + 1, 0) : (0, failures + 1);
            if (successes >= SuccessTolerance)
            {
                (side, successes) = (Math.Min(MaxSide, 2 * side), 0);
            }
            else if (failures >= FailureTolerance(dimensions))
            {
                (side, failures) = (side / 2, 0);
                exhausted = side < MinSide;
            }
        }

        return new TrustRegionSchedule(side, exhausted);
    }
}
