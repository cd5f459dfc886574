using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Tests;

/// <summary>Stored trial parameters read back into the canonical types (long, double, string), whatever JSON shape an
/// older writer gave them.</summary>
public sealed class StoredParamsTests
{
    private static readonly SearchSpace Space = new([
        new FloatParameter("lr", 1e-4, 1, Log: true),
        new IntParameter("layers", 1, 8),
        new CategoricalParameter("act", ["relu", "tanh"]),
        new CategoricalParameter("width", ["16", "32"]),
    ]);

    [Fact]
    public void Numbers_strings_and_choices_are_read_into_their_parameters_types()
    {
        var values = StudyJson.Params("""{"lr":0.01,"layers":3,"act":"tanh","width":32}""", Space);

        Assert.Equal(0.01, Assert.IsType<double>(values["lr"]));
        Assert.Equal(3L, Assert.IsType<long>(values["layers"]));
        Assert.Equal("tanh", values["act"]);
        // A choice stored as a bare number keeps its text.
        Assert.Equal("32", values["width"]);
    }

    [Fact]
    public void Numbers_written_as_strings_rounded_ints_unknown_and_missing_names_are_handled()
    {
        var values = StudyJson.Params("""{"old":{"nested":[1,2]},"lr":"0.5","layers":2.6,"extra":null}""", Space);

        Assert.Equal(0.5, values["lr"]);
        Assert.Equal(3L, values["layers"]);
        Assert.False(values.ContainsKey("act"));
        Assert.Equal(2, values.Count);
    }

    [Fact]
    public void Names_in_another_order_than_the_space_or_escaped_are_matched_to_their_parameters()
    {
        var values = StudyJson.Params("""{"width":"16","act":"relu","l\u0072":0.25,"layers":7,"lr2":1}""", Space);

        Assert.Equal(0.25, values["lr"]);
        Assert.Equal(7L, values["layers"]);
        Assert.Equal("relu", values["act"]);
        Assert.Equal("16", values["width"]);
        Assert.Equal(4, values.Count);
    }

    [Fact]
    public void Parameters_that_are_not_an_object_are_refused_with_a_message()
    {
        var error = Assert.ThrowsAny<System.Text.Json.JsonException>(() => StudyJson.Params("[1, 2]", Space));
        Assert.Contains("not a JSON object", error.Message);
    }
}
