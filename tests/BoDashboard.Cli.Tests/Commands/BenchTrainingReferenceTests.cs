using System.CommandLine;
using System.Text.Json;
using BoDashboard.Cli.Commands.Bench;

namespace BoDashboard.Cli.Tests.Commands;

// `bench training --reference --short`: the whole path in seconds; asserts the document's shape, never a speed.
[Collection(ConsoleCollection.Name)]
public class BenchTrainingReferenceTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var root = new RootCommand();
        var bench = new Command("bench");
        bench.Subcommands.Add(BenchTrainingCommand.Create());
        root.Subcommands.Add(bench);
        var (originalOut, originalError) = (Console.Out, Console.Error);
        var (output, errors) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            return (root.Parse(args).Invoke(), output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public void Reference_json_has_the_issues_shape_and_null_pytorch_figures_without_python()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-python-" + Guid.NewGuid().ToString("N"));

        var (code, output, errors) = Run("bench", "training", "--reference", "--short", "--json", "--threads", "1", "--python", missing);

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(["reference", "preset"], root.EnumerateObject().Select(p => p.Name));
        foreach (var net in new[] { "compact", "classic" })
        {
            var figures = root.GetProperty("reference").GetProperty(net);
            Assert.Equal(["torchsharp", "pytorch"], figures.EnumerateObject().Select(p => p.Name));
            Assert.True(figures.GetProperty("torchsharp").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Null, figures.GetProperty("pytorch").ValueKind);
        }
        var preset = root.GetProperty("preset");
        Assert.Equal(["seconds", "accuracy"], preset.EnumerateObject().Select(p => p.Name));
        Assert.True(preset.GetProperty("seconds").GetDouble() > 0);
        Assert.InRange(preset.GetProperty("accuracy").GetDouble(), 0.0, 1.0);
        Assert.Contains(missing, errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--short")]
    public void Json_and_short_without_a_mode_are_refused(string option)
    {
        var (code, _, errors) = Run("bench", "training", option);

        Assert.Equal(2, code);
        Assert.Contains("--reference or --classic", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_steps_are_refused()
    {
        var (code, _, errors) = Run("bench", "training", "--reference", "--compact-steps", "0");

        Assert.Equal(2, code);
        Assert.Contains("--compact-steps", errors, StringComparison.Ordinal);
    }
}
