using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>gp-ei's local steps shrink their box while they fail to improve the incumbent, and give way to global
/// steps once the incumbent's basin is resolved (TuRBO-style), replayed from the history alone.</summary>
public sealed class TrustRegionScheduleTests
{
    private const int LocalFrom = 15;

    /// <summary>Trial 0 is the best; every later trial is worse (maximised values).</summary>
    private static double?[] NeverImproving(int trials) => [.. Enumerable.Range(0, trials).Select(i => i == 0 ? 10.0 : (double?)(-i))];

    [Fact]
    public void The_box_halves_after_each_run_of_failed_local_steps()
    {
        // Local trials 15 and 17 are two failures: one halving in 2-D (tolerance max(2, ceil(d / 2)) = 2).
        Assert.Equal(TrustRegionSchedule.InitialSide, TrustRegionSchedule.Replay(NeverImproving(17), 2, LocalFrom).Side);
        Assert.Equal(TrustRegionSchedule.InitialSide / 2, TrustRegionSchedule.Replay(NeverImproving(18), 2, LocalFrom).Side);
        // In 8-D the tolerance is 4 failures (local trials 15-21).
        Assert.Equal(TrustRegionSchedule.InitialSide, TrustRegionSchedule.Replay(NeverImproving(21), 8, LocalFrom).Side);
        Assert.Equal(TrustRegionSchedule.InitialSide / 2, TrustRegionSchedule.Replay(NeverImproving(22), 8, LocalFrom).Side);
    }

    [Fact]
    public void The_box_doubles_after_successive_improvements_up_to_its_maximum()
    {
        // Every trial improves: three local successes (trials 15-19) double the box; it never exceeds the maximum.
        double?[] Improving(int trials) => [.. Enumerable.Range(0, trials).Select(i => (double?)i)];
        Assert.Equal(TrustRegionSchedule.InitialSide, TrustRegionSchedule.Replay(Improving(19), 2, LocalFrom).Side);
        Assert.Equal(2 * TrustRegionSchedule.InitialSide, TrustRegionSchedule.Replay(Improving(20), 2, LocalFrom).Side);
        Assert.Equal(TrustRegionSchedule.MaxSide, TrustRegionSchedule.Replay(Improving(60), 2, LocalFrom).Side);
    }

    [Fact]
    public void A_resolved_basin_gives_its_local_turns_to_global_steps_until_a_better_point_turns_up()
    {
        // Five halvings (ten failed local steps, trials 15-33, in 2-D) take the box below its minimum.
        Assert.False(TrustRegionSchedule.Replay(NeverImproving(33), 2, LocalFrom).Exhausted);
        Assert.True(TrustRegionSchedule.Replay(NeverImproving(34), 2, LocalFrom).Exhausted);

        // Trial 50 (a global step) beats the incumbent; trial 51, the new box's first local step, fails once.
        var found = NeverImproving(52);
        found[50] = 20;
        var restarted = TrustRegionSchedule.Replay(found, 2, LocalFrom);
        Assert.False(restarted.Exhausted);
        Assert.Equal(TrustRegionSchedule.InitialSide, restarted.Side);
    }

    [Fact]
    public void Trials_without_a_value_neither_count_as_failures_nor_as_successes()
    {
        var withGaps = NeverImproving(22);
        for (var i = 15; i < 22; i += 2)
        {
            withGaps[i] = null;
        }

        Assert.Equal(TrustRegionSchedule.InitialSide, TrustRegionSchedule.Replay(withGaps, 2, LocalFrom).Side);
    }

    private static readonly SearchSpace Square = new([new FloatParameter("a", 0, 1), new FloatParameter("b", 0, 1)]);

    /// <summary>The best trial at the centre of the square, then <paramref name="trials"/> - 1 worse ones scattered at random.</summary>
    private static List<TrialRecord> CentreBest(int trials)
    {
        var random = new Random(4);
        var history = new List<TrialRecord> { new(0, new Dictionary<string, object> { ["a"] = 0.5, ["b"] = 0.5 }, TrialState.Complete, 1.0) };
        for (var i = 1; i < trials; i++)
        {
            var (a, b) = (random.NextDouble(), random.NextDouble());
            var value = -((a - 0.5) * (a - 0.5) + (b - 0.5) * (b - 0.5)) - 0.01 * i;
            history.Add(new TrialRecord(i, new Dictionary<string, object> { ["a"] = a, ["b"] = b }, TrialState.Complete, value));
        }

        return history;
    }

    [Fact]
    public void The_sampler_shrinks_its_trust_region_after_failed_local_steps()
    {
        var sampler = new GpEiSampler(new SamplerSettings(Seed: 2));
        var early = sampler.Propose(Square, Direction.Maximize, CentreBest(15));
        var late = sampler.Propose(Square, Direction.Maximize, CentreBest(23));

        Assert.Equal(SuggestionOrigins.TrustRegion, early.Origin);
        Assert.Equal(SuggestionOrigins.TrustRegion, late.Origin);
        // Four failed local steps (trials 15-21) are two halvings: the box's area is 1/16 of the first one's.
        Assert.Equal(Area(early) / 16, Area(late), 1e-9);
    }

    [Fact]
    public void The_sampler_takes_a_global_step_on_a_local_turn_once_the_basin_is_resolved()
    {
        var proposal = new GpEiSampler(new SamplerSettings(Seed: 2)).Propose(Square, Direction.Maximize, CentreBest(35));

        Assert.Equal(SuggestionOrigins.Acquisition, proposal.Origin);
        Assert.Null(proposal.RegionLower);
    }

    private static double Area(SamplerProposal proposal) =>
        (proposal.RegionUpper![0] - proposal.RegionLower![0]) * (proposal.RegionUpper[1] - proposal.RegionLower[1]);
}
