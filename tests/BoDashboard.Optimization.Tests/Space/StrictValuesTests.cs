using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Space;

/// <summary>A told or imported value outside the space is an error naming the parameter, never mapped onto a
/// feasible point (an unknown choice used to become the first choice, an out-of-range number its bound).</summary>
public class StrictValuesTests
{
    private static readonly SearchSpace Space = new([
        new FloatParameter("lr", 1e-4, 1e-1, Log: true),
        new IntParameter("layers", 1, 4),
        new CategoricalParameter("optimizer", ["sgd", "adam"]),
    ]);

    private static Dictionary<string, object> Values(object lr, object layers, object optimizer) =>
        new() { ["lr"] = lr, ["layers"] = layers, ["optimizer"] = optimizer };

    [Theory]
    [InlineData(0.01, 2L, "rmsprop", "params.optimizer")]
    [InlineData(0.5, 2L, "adam", "params.lr")]
    [InlineData(0.01, 9L, "adam", "params.layers")]
    public void Encoding_a_value_outside_the_space_names_the_parameter(double lr, long layers, string optimizer, string field)
    {
        var e = Assert.Throws<SearchSpaceException>(() => Space.Encode(Values(lr, layers, optimizer)));

        Assert.Equal(field, Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void Values_inside_the_space_and_at_its_bounds_encode()
    {
        var x = Space.Encode(Values(1e-1, 4L, "adam"));

        Assert.Equal(1.0, x[0], 9);
        Assert.Equal(1.0, x[1], 9);
        Assert.Equal([0.0, 1.0], x[2..]);
    }

    [Fact]
    public void Imported_history_with_an_unknown_choice_is_rejected()
    {
        var imported = new TrialRecord(0, Values(0.01, 2L, "rmsprop"), TrialState.Complete, 0.5);

        var e = Assert.Throws<SearchSpaceException>(() => new AskTellOptimizer(Space, Direction.Maximize, history: [imported]));

        Assert.Contains(e.Errors, er => er.Field == "params.optimizer" && er.Message.Contains("rmsprop"));
    }
}
