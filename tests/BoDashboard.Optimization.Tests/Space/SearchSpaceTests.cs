using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Tests.Space;

public class SearchSpaceTests
{
    private static readonly SearchSpace Mixed = new([
        new FloatParameter("lr", 1e-5, 0.1, Log: true),
        new FloatParameter("momentum", 0.5, 0.99),
        new IntParameter("layers", 1, 8),
        new IntParameter("batch", 16, 512, Log: true),
        new CategoricalParameter("optimizer", ["sgd", "adam", "rmsprop"]),
    ]);

    [Fact]
    public void Dimension_counts_one_hot_coordinates() => Assert.Equal(7, Mixed.Dimension);

    [Fact]
    public void Encode_decode_round_trips_every_parameter_type()
    {
        var values = new Dictionary<string, object> { ["lr"] = 0.0161, ["momentum"] = 0.9, ["layers"] = 3L, ["batch"] = 64L, ["optimizer"] = "adam" };
        var x = Mixed.Encode(values);
        Assert.All(x, v => Assert.InRange(v, 0.0, 1.0));
        var back = Mixed.Decode(x);
        Assert.Equal(0.0161, (double)back["lr"], 12);
        Assert.Equal(0.9, (double)back["momentum"], 12);
        Assert.Equal(3L, back["layers"]);
        Assert.Equal(64L, back["batch"]);
        Assert.Equal("adam", back["optimizer"]);
    }

    [Fact]
    public void Random_samples_decode_to_valid_values_and_reencode_to_themselves()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var x = Mixed.SampleUnit(random);
            var again = Mixed.Encode(Mixed.Decode(x));
            for (var d = 0; d < x.Length; d++)
            {
                Assert.Equal(x[d], again[d], 12);
            }
        }
    }

    [Theory]
    [InlineData("parameters[0].high", "low (2) must be less than high (1)")]
    [InlineData("parameters[1].low", "log-scaled parameter needs low > 0")]
    [InlineData("parameters[2].name", "duplicate name")]
    [InlineData("parameters[3].name", "name must not be empty")]
    [InlineData("parameters[4].choices", "at least one choice")]
    [InlineData("parameters[5].low", "low must be a finite number")]
    public void Validation_names_field_and_parameter(string field, string message)
    {
        var errors = SearchSpace.Validate([
            new FloatParameter("a", 2, 1),
            new FloatParameter("b", 0, 1, Log: true),
            new IntParameter("a", 0, 3),
            new FloatParameter(" ", 0, 1),
            new CategoricalParameter("c", []),
            new FloatParameter("d", double.NegativeInfinity, 1),
        ]);
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(message));
    }

    [Fact]
    public void Too_many_parameters_and_none_are_rejected()
    {
        var many = Enumerable.Range(0, 21).Select(i => (ParameterSpec)new FloatParameter($"p{i}", 0, 1)).ToArray();
        Assert.Contains(SearchSpace.Validate(many), e => e.Field == "parameters" && e.Message.Contains("at most 20"));
        Assert.Contains(SearchSpace.Validate([]), e => e.Field == "parameters");
        var thrown = Assert.Throws<SearchSpaceException>(() => new SearchSpace(many));
        Assert.NotEmpty(thrown.Errors);
    }

    [Fact]
    public void Coerce_converts_numbers_and_strings_to_canonical_types()
    {
        var values = Mixed.Coerce(new Dictionary<string, object?>
        {
            ["lr"] = "0.01", ["momentum"] = 0.9f, ["layers"] = 4.0, ["batch"] = 32, ["optimizer"] = "sgd",
        });
        Assert.IsType<double>(values["lr"]);
        Assert.Equal(0.01, (double)values["lr"]);
        Assert.IsType<double>(values["momentum"]);
        Assert.Equal(4L, values["layers"]);
        Assert.Equal(32L, values["batch"]);
        Assert.Equal("sgd", values["optimizer"]);
    }

    [Fact]
    public void Coerce_rejects_out_of_range_and_unknown_values_naming_the_parameter()
    {
        var e = Assert.Throws<SearchSpaceException>(() => Mixed.Coerce(new Dictionary<string, object?>
        {
            ["lr"] = 0.5, ["momentum"] = 0.9, ["layers"] = 2.5, ["batch"] = 32, ["optimizer"] = "lbfgs", ["extra"] = 1,
        }));
        Assert.Contains(e.Errors, x => x.Field == "params.lr" && x.Message.Contains("outside"));
        Assert.Contains(e.Errors, x => x.Field == "params.layers" && x.Message.Contains("integer"));
        Assert.Contains(e.Errors, x => x.Field == "params.optimizer" && x.Message.Contains("not one of"));
        Assert.Contains(e.Errors, x => x.Field == "params.extra");
    }
}
