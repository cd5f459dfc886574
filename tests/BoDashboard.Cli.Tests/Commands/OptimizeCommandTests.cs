using System.CommandLine;
using System.Text.Json;
using BoDashboard.Cli.Commands;
using BoDashboard.Cli.Commands.Bench;

namespace BoDashboard.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public class OptimizeCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        var original = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            return (root.Parse(args).Invoke(), writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public void Optimize_json_prints_best_and_all_trials()
    {
        var (code, output) = Run("optimize", "--objective", "branin", "--sampler", "gp-ei", "--init-points", "3", "--n-iter", "4", "--seed", "1", "--json");
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var trials = document.RootElement.GetProperty("trials");
        Assert.Equal(7, trials.GetArrayLength());
        var best = document.RootElement.GetProperty("best");
        var minimum = trials.EnumerateArray().Min(t => t.GetProperty("value").GetDouble());
        Assert.Equal(minimum, best.GetProperty("target").GetDouble());
        Assert.True(best.GetProperty("params").TryGetProperty("x1", out _));
    }

    [Fact]
    public void Unknown_sampler_is_rejected()
    {
        var (code, _) = Run("optimize", "--sampler", "tpe");
        Assert.NotEqual(0, code);
    }
}
