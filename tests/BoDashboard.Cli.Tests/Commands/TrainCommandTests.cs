using System.CommandLine;
using System.Text.Json;
using BoDashboard.Cli.Commands;

namespace BoDashboard.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public class TrainCommandTests
{
    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(TrainCommand.Create());
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
    public void Train_json_reports_the_learning_curve_and_the_best_validation_accuracy()
    {
        var (code, output, _) = Run("train", "--epochs", "2", "--train-subset", "500", "--threads", "1", "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var result = document.RootElement.GetProperty("result");
        var curve = result.GetProperty("curve");
        Assert.Equal(2, curve.GetArrayLength());
        var best = result.GetProperty("bestValidationAccuracy").GetDouble();
        Assert.Equal(curve.EnumerateArray().Max(e => e.GetProperty("validationAccuracy").GetDouble()), best);
        Assert.InRange(best, 0.0, 1.0);
        Assert.Equal(0.01, document.RootElement.GetProperty("settings").GetProperty("learningRate").GetDouble());
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_a_message_naming_the_setting()
    {
        var (code, _, errors) = Run("train", "--epochs", "0", "--json");

        Assert.Equal(2, code);
        Assert.Contains("Epochs", errors);
    }
}
