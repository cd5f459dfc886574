using BoDashboard.Optimization.Posterior;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Posterior;

public class PosteriorSlicerTests
{
    private static readonly SearchSpace Space = new([
        new FloatParameter("lr", 1e-5, 0.1, Log: true),
        new FloatParameter("wd", 1e-5, 0.1, Log: true),
        new IntParameter("epochs", 1, 10),
    ]);

    private static List<TrialRecord> History(int n)
    {
        var random = new Random(2);
        return Enumerable.Range(0, n).Select(i =>
        {
            var p = Space.Decode(Space.SampleUnit(random));
            return new TrialRecord(i, p, TrialState.Complete, -Math.Pow(Math.Log10((double)p["lr"]) + 2, 2) - Math.Log10((double)p["wd"]));
        }).ToList();
    }

    [Fact]
    public void Slice2D_has_grids_axes_and_marks()
    {
        var history = History(12);
        var slice = new PosteriorSlicer().Slice2D(Space, Direction.Maximize, history, new SamplerSettings(InitialPoints: 3), "lr", "wd", 20);
        Assert.Equal(20, slice.Mean.Length);
        Assert.All(slice.Std, row => Assert.Equal(20, row.Length));
        Assert.True(slice.XLog && slice.YLog);
        Assert.Equal(1e-5, slice.XAxis[0], 12);
        Assert.Equal(0.1, slice.XAxis[^1], 12);
        Assert.Equal(12, slice.Observations.Count);
        Assert.Equal(history.Max(t => t.Value), slice.Best!.Value);
        Assert.NotNull(slice.NextCandidate);
        Assert.Equal(["epochs"], slice.FixedParameters.Keys);
        Assert.All(slice.Acquisition.SelectMany(r => r), v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Slices_with_few_trials_do_not_throw(int n)
    {
        var history = History(n);
        var slicer = new PosteriorSlicer();
        var two = slicer.Slice2D(Space, Direction.Minimize, history, new SamplerSettings(), "lr", "epochs", 10);
        var one = slicer.Slice1D(Space, Direction.Minimize, history, new SamplerSettings(), "wd", 30);
        Assert.Equal(n == 0 ? 0 : 10, two.Mean.Length);
        Assert.Equal(n == 0 ? 0 : 30, one.Mean.Length);
        Assert.NotNull(one.NextCandidate);
    }
}
