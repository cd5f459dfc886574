using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Samplers;

/// <summary>The grid never has more points than the budget can visit, whatever the number of parameters.</summary>
public class GridSizeTests
{
    private static SearchSpace Floats(int count) =>
        new(Enumerable.Range(0, count).Select(i => (ParameterSpec)new FloatParameter($"x{i}", 0, 1)).ToArray());

    [Fact]
    public void Twenty_parameters_with_budget_100_build_about_100_points_not_two_to_the_twenty()
    {
        var grid = GridSampler.Grid(Floats(20), 100);

        Assert.InRange(grid.Length, 50, 100);
        Assert.Equal(grid.Length, grid.Select(x => string.Join(';', x)).Distinct().Count());
    }

    [Fact]
    public void Every_suggestion_of_a_twenty_parameter_study_comes_from_a_budget_sized_grid()
    {
        var space = Floats(20);
        var sampler = new GridSampler(new SamplerSettings("grid", Budget: 100));
        var history = new List<TrialRecord>();
        for (var i = 0; i < 5; i++)
        {
            var s = sampler.Suggest(space, Direction.Maximize, history, 1)[0];
            Assert.Equal("grid", s.SuggestedBy);
            history.Add(new TrialRecord(i, s.Params, TrialState.Complete, i));
        }
    }

    [Theory]
    [InlineData(2, 100, 100)]  // 10 x 10, as before
    [InlineData(1, 100, 100)]
    [InlineData(3, 5, 4)]      // 2 x 2 x middle: under the budget, where 2^3 = 8 was not
    public void Grid_size_stays_within_the_budget(int parameters, int budget, int expected)
    {
        Assert.Equal(expected, GridSampler.Grid(Floats(parameters), budget).Length);
    }

    [Fact]
    public void Categoricals_keep_every_choice_when_they_fit_and_narrow_ints_are_not_repeated()
    {
        var space = new SearchSpace([
            new CategoricalParameter("mode", ["a", "b", "c"]),
            new IntParameter("layers", 1, 3),
            new FloatParameter("lr", 0, 1),
        ]);

        var counts = GridSampler.LevelCounts(space.Parameters, 30);

        Assert.Equal(3, counts[0]);
        Assert.Equal(3, counts[1]);
        Assert.True(counts[0] * counts[1] * counts[2] <= 30);
        var grid = GridSampler.Grid(space, 30);
        Assert.Equal(grid.Length, grid.Select(x => string.Join(';', x)).Distinct().Count());
    }

    [Fact]
    public void More_categorical_combinations_than_the_budget_are_cut_to_the_budget()
    {
        var space = new SearchSpace(Enumerable.Range(0, 6)
            .Select(i => (ParameterSpec)new CategoricalParameter($"c{i}", ["a", "b", "c", "d"])).ToArray());

        Assert.InRange(GridSampler.Grid(space, 50).Length, 1, 50);
    }
}
