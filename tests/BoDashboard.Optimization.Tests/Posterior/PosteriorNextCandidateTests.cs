using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Posterior;

/// <summary>The slice's "next" mark is the sampler's real proposal, whatever step the sampler takes.</summary>
public class PosteriorNextCandidateTests
{
    private static readonly AnalyticFunction Hartmann = AnalyticFunctions.Get("hartmann6");

    /// <summary>A study run with the sampler itself, so the history is one the sampler could have produced.</summary>
    private static List<TrialRecord> Run(SamplerSettings settings, int trials)
    {
        var sampler = new GpEiSampler(settings);
        var history = new List<TrialRecord>();
        for (var i = 0; i < trials; i++)
        {
            var p = sampler.Suggest(Hartmann.Space, Hartmann.Direction, history, 1)[0].Params;
            history.Add(new TrialRecord(i, p, TrialState.Complete, Hartmann.Evaluate(p)));
        }

        return history;
    }

    private static void AssertSameParams(IReadOnlyDictionary<string, object> expected, IReadOnlyDictionary<string, object> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, value) in expected) Assert.Equal(value, actual[name]);
    }

    [Fact]
    public void Next_is_the_acquisition_step_the_sampler_takes()
    {
        var settings = new SamplerSettings(InitialPoints: 4, Seed: 3);
        var history = Run(settings, 8);

        var slice = new PosteriorSlicer().Slice2D(Hartmann.Space, Hartmann.Direction, history, settings, "x1", "x2", 12);
        var suggested = new GpEiSampler(settings).Suggest(Hartmann.Space, Hartmann.Direction, history, 1)[0];

        AssertSameParams(suggested.Params, slice.NextCandidate!.Params);
        Assert.Equal(SuggestionOrigins.Acquisition, slice.NextCandidate.Origin);
        Assert.Equal(suggested.AcquisitionValue, slice.NextCandidate.AcquisitionValue);
        Assert.Null(slice.NextRegion);
    }

    [Fact]
    public void Next_is_the_trust_region_step_when_the_sampler_takes_one()
    {
        // From trial 15 on, every odd-numbered trial is a local step around the incumbent.
        var settings = new SamplerSettings(InitialPoints: 5, Seed: 1);
        var history = Run(settings, 15);
        var sampler = new GpEiSampler(settings);

        var proposal = sampler.Propose(Hartmann.Space, Hartmann.Direction, history);
        var slice = new PosteriorSlicer().Slice2D(Hartmann.Space, Hartmann.Direction, history, settings, "x1", "x2", 12);

        Assert.Equal(SuggestionOrigins.TrustRegion, proposal.Origin);
        AssertSameParams(sampler.Suggest(Hartmann.Space, Hartmann.Direction, history, 1)[0].Params, slice.NextCandidate!.Params);
        Assert.Equal(SuggestionOrigins.TrustRegion, slice.NextCandidate.Origin);
        var region = Assert.IsType<PosteriorRegion>(slice.NextRegion);
        var x1 = Convert.ToDouble(slice.NextCandidate.Params["x1"]);
        var x2 = Convert.ToDouble(slice.NextCandidate.Params["x2"]);
        Assert.InRange(x1, region.XLow - 1e-9, region.XHigh + 1e-9);
        Assert.InRange(x2, region.YLow!.Value - 1e-9, region.YHigh!.Value + 1e-9);
        Assert.True(region.XHigh - region.XLow < 1.0, "the trust region is smaller than the whole axis");
    }

    [Fact]
    public void Next_is_the_final_exploitation_step_on_the_last_trial_of_the_budget()
    {
        var settings = new SamplerSettings(InitialPoints: 4, Seed: 2, Budget: 10);
        var history = Run(settings, 9);

        var slice = new PosteriorSlicer().Slice1D(Hartmann.Space, Hartmann.Direction, history, settings, "x3", 20);

        Assert.Equal(SuggestionOrigins.Final, slice.NextCandidate!.Origin);
        AssertSameParams(new GpEiSampler(settings).Suggest(Hartmann.Space, Hartmann.Direction, history, 1)[0].Params, slice.NextCandidate.Params);
    }

    [Fact]
    public void Next_during_the_initial_phase_is_the_sampler_random_point()
    {
        var settings = new SamplerSettings(InitialPoints: 5, Seed: 9);
        var history = Run(settings, 2);

        var slice = new PosteriorSlicer().Slice2D(Hartmann.Space, Hartmann.Direction, history, settings, "x1", "x2", 8);

        Assert.Equal(SuggestionOrigins.Initial, slice.NextCandidate!.Origin);
        AssertSameParams(new GpEiSampler(settings).Suggest(Hartmann.Space, Hartmann.Direction, history, 1)[0].Params, slice.NextCandidate.Params);
    }

    [Fact]
    public void A_study_that_proposes_no_more_has_no_next_but_still_a_map()
    {
        var settings = new SamplerSettings(InitialPoints: 4, Seed: 3, Budget: 8);
        var history = Run(settings, 8);

        var slice = new PosteriorSlicer().Slice2D(Hartmann.Space, Hartmann.Direction, history, settings, "x1", "x2", 10,
            new SliceOptions(ProposeNext: false));

        Assert.Null(slice.NextCandidate);
        Assert.Null(slice.NextRegion);
        Assert.Equal(10, slice.Mean.Length);
        Assert.NotNull(slice.Best);
    }

    [Fact]
    public void Running_trials_are_pending_for_the_sampler_and_drawn_apart()
    {
        var settings = new SamplerSettings(InitialPoints: 4, Seed: 5);
        var history = Run(settings, 7);
        var pending = new GpEiSampler(settings).Suggest(Hartmann.Space, Hartmann.Direction, history, 1)[0];
        history.Add(new TrialRecord(7, pending.Params, TrialState.Running, null));

        var slice = new PosteriorSlicer().Slice2D(Hartmann.Space, Hartmann.Direction, history, settings, "x1", "x2", 8);

        var running = Assert.Single(slice.RunningTrials);
        Assert.Equal(7, running.Number);
        Assert.Equal(Convert.ToDouble(pending.Params["x1"]), running.X);
        Assert.DoesNotContain(slice.Observations, o => o.Number == 7);
        AssertSameParams(new GpEiSampler(settings).Suggest(Hartmann.Space, Hartmann.Direction, history, 1)[0].Params, slice.NextCandidate!.Params);
        Assert.NotEqual(pending.Params["x1"], slice.NextCandidate.Params["x1"]);
    }
}
