using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BoDashboard.Cli.Experiments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace BoDashboard.Cli.Commands;

/// <summary>`experiment tutorial`: the tutorial's whole experiment in one command.</summary>
public static class ExperimentCommand
{
    public static Command Create()
    {
        var budget = new Option<int>("--budget") { Description = "Trials per study (the tutorial: 3 random + 27 GP-EI)", DefaultValueFactory = _ => 30 };
        var initPoints = new Option<int>("--init-points") { Description = "Random initial points of gp-ei", DefaultValueFactory = _ => 3 };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs per trial (default: the CPU preset's)" };
        var subset = new Option<int?>("--train-subset") { Description = "Training images per trial (default: the CPU preset's)" };
        var classic = new Option<bool>("--classic") { Description = "The tutorial's classic 227 px AlexNet on an image folder (--dataset-path); hours per trial on a CPU" };
        var datasetPath = new Option<string?>("--dataset-path") { Description = "Image folder (with --classic) or a Fashion-MNIST folder" };
        var threads = new Option<int?>("--threads") { Description = "Torch threads, fixed (default: adjusted while training, 1 to all cores, from the measured speed)" };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON document (no progress display)" };

        var tutorial = new Command("tutorial", "Tune AlexNet's learning rate and weight decay with gp-ei, random and grid, then retrain and test the best of each and the defaults");
        foreach (var option in new Option[] { budget, initPoints, epochs, subset, classic, datasetPath, threads, json })
            tutorial.Options.Add(option);
        tutorial.SetAction(async (parse, ct) =>
        {
            var useClassic = parse.GetValue(classic);
            if (useClassic && parse.GetValue(datasetPath) is null)
            {
                Console.Error.WriteLine("--classic needs --dataset-path: a folder of images (one subfolder per class, or cat.1.jpg / dog.1.jpg)");
                return 2;
            }
            var experiment = new TutorialExperiment(parse.GetValue(budget), parse.GetValue(initPoints), Epochs: parse.GetValue(epochs),
                TrainSubset: parse.GetValue(subset), Model: useClassic ? "classic" : null, Dataset: useClassic ? "image-folder" : "fashion-mnist",
                DatasetPath: parse.GetValue(datasetPath));
            var errors = Studies.Definition.StudyValidator.Validate(experiment.Study("gp-ei", "check")).ToList();
            if (parse.GetValue(threads) is < 1) errors.Add(new("--threads", $"must be at least 1, got {parse.GetValue(threads)}"));
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine($"{e.Field}: {e.Message}");
                return 2;
            }

            var asJson = parse.GetValue(json);
            using var host = StudyHost.Build(parse.GetValue(threads));
            await host.StartAsync(ct);
            // The generic host takes SIGTERM/SIGINT for itself (it only signals ApplicationStopping), so stop on either.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            try
            {
                var outcomes = await new TutorialRunner(host.Services, quiet: asJson).RunAsync(experiment, stop.Token);
                if (asJson) Console.WriteLine(JsonSerializer.Serialize(new { experiment, outcomes }, Json.Indented));
                else Print(outcomes);
                return 0;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("stopped; the studies stay in the database and continue when the dashboard or this command runs again");
                return 130;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });

        var command = new Command("experiment", "Run a whole experiment made of several studies");
        command.Subcommands.Add(tutorial);
        return command;
    }

    private static void Print(IReadOnlyList<TutorialOutcome> outcomes)
    {
        static string F(double? v, string format) => v?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
        var table = new Table().Title("tutorial experiment").AddColumns("sampler", "study", "trials", "best lr", "best wd", "best val acc", "test acc");
        foreach (var o in outcomes)
            table.AddRow(o.Sampler, o.StudyId?.ToString(CultureInfo.InvariantCulture) ?? "–", o.Trials.ToString(CultureInfo.InvariantCulture),
                F(o.LearningRate, "G4"), F(o.WeightDecay, "G4"), F(o.BestValidationAccuracy, "F4"),
                o.TestAccuracy is null && o.Error is not null ? $"[red]{Markup.Escape(o.Error)}[/]" : F(o.TestAccuracy, "F4"));
        AnsiConsole.Write(table);
    }
}
