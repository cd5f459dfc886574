using BoDashboard.Optimization.Posterior;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Posterior;

/// <summary>The parameters off the axes are held where the user puts them, and trials fade with their distance.</summary>
public class PosteriorFixedValuesTests
{
    private static readonly SearchSpace Space = new([
        new FloatParameter("lr", 1e-4, 1e-1, Log: true),
        new FloatParameter("wd", 0, 1),
        new IntParameter("epochs", 1, 11),
        new CategoricalParameter("optimizer", ["sgd", "adam"]),
    ]);

    private static double Objective(IReadOnlyDictionary<string, object> p) =>
        -Math.Pow(Math.Log10((double)p["lr"]) + 2, 2) - (double)p["wd"] + 0.1 * (long)p["epochs"] + ((string)p["optimizer"] == "adam" ? 0.5 : 0);

    private static List<TrialRecord> History()
    {
        var random = new Random(7);
        return Enumerable.Range(0, 12).Select(i =>
        {
            var p = Space.Decode(Space.SampleUnit(random));
            return new TrialRecord(i, p, TrialState.Complete, Objective(p));
        }).ToList();
    }

    [Fact]
    public void Fixed_values_replace_the_best_trial_and_change_the_surface()
    {
        var history = History();
        var slicer = new PosteriorSlicer();
        var fitted = slicer.Fit(Space, Direction.Maximize, history, new SamplerSettings(InitialPoints: 3));

        var atBest = slicer.Slice2D(fitted, "lr", "wd", 8);
        var atChoice = slicer.Slice2D(fitted, "lr", "wd", 8, new Dictionary<string, object> { ["epochs"] = "2", ["optimizer"] = "sgd" });

        Assert.Equal(fitted.Best!.Params["epochs"], atBest.FixedParameters["epochs"]);
        Assert.Equal(2L, atChoice.FixedParameters["epochs"]);
        Assert.Equal("sgd", atChoice.FixedParameters["optimizer"]);
        Assert.NotEqual(atBest.Mean[4][4], atChoice.Mean[4][4]);
        Assert.Same(atBest.NextCandidate!.Params, atChoice.NextCandidate!.Params); // one proposal, whatever the cut
        var onNext = slicer.Slice2D(fitted, "lr", "wd", 4, new Dictionary<string, object>
        {
            ["epochs"] = atBest.NextCandidate.Params["epochs"], ["optimizer"] = atBest.NextCandidate.Params["optimizer"],
        });
        Assert.Equal(0, onNext.NextCandidate!.Distance);
    }

    [Fact]
    public void Trials_on_the_slice_have_distance_zero_and_others_grow_with_the_gap()
    {
        var history = History();
        var on = history[3].Params;
        var fixedValues = new Dictionary<string, object> { ["epochs"] = on["epochs"], ["optimizer"] = on["optimizer"] };

        var slice = new PosteriorSlicer().Slice2D(Space, Direction.Maximize, history, new SamplerSettings(InitialPoints: 3), "lr", "wd", 6,
            new SliceOptions(fixedValues));

        Assert.Equal(0, slice.Observations.Single(o => o.Number == 3).Distance);
        Assert.All(slice.Observations, o => Assert.InRange(o.Distance, 0, 1));
        var far = slice.Observations.Where(o => !Equals(o.Params["optimizer"], on["optimizer"])).ToList();
        Assert.All(far, o => Assert.True(o.Distance >= Math.Sqrt(0.5) - 1e-12, "another choice alone is half the squared distance"));
        Assert.Equal(history[5].Params, slice.Observations.Single(o => o.Number == 5).Params);
    }

    [Fact]
    public void Out_of_range_values_unknown_names_and_categorical_axes_are_refused_with_a_reason()
    {
        var slicer = new PosteriorSlicer();
        var fitted = slicer.Fit(Space, Direction.Maximize, History(), new SamplerSettings(InitialPoints: 3));

        var range = Assert.Throws<ArgumentException>(() => slicer.Slice2D(fitted, "lr", "wd", 4, new Dictionary<string, object> { ["epochs"] = "40" }));
        Assert.Contains("epochs", range.Message);
        var choice = Assert.Throws<ArgumentException>(() => slicer.Slice2D(fitted, "lr", "wd", 4, new Dictionary<string, object> { ["optimizer"] = "rmsprop" }));
        Assert.Contains("optimizer", choice.Message);
        Assert.Throws<ArgumentException>(() => slicer.Slice2D(fitted, "lr", "wd", 4, new Dictionary<string, object> { ["momentum"] = "0.9" }));
        Assert.Contains("categorical", Assert.Throws<ArgumentException>(() => slicer.Slice2D(fitted, "lr", "optimizer", 4)).Message);
    }

    [Fact]
    public void Int_parameters_can_be_axes()
    {
        var slice = new PosteriorSlicer().Slice2D(Space, Direction.Maximize, History(), new SamplerSettings(InitialPoints: 3), "epochs", "lr", 6);

        Assert.Equal(1, slice.XAxis[0]);
        Assert.Equal(11, slice.XAxis[^1]);
        Assert.Equal(["optimizer", "wd"], slice.FixedParameters.Keys.Order());
    }
}
