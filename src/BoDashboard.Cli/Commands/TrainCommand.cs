using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BoDashboard.Studies.Objectives;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;
using Spectre.Console;

namespace BoDashboard.Cli.Commands;

/// <summary>`train`: one training run with a progress bar per epoch, then the learning curve.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var preset = TrainingSettings.CpuPreset;
        var dataset = new Option<string>("--dataset") { Description = "fashion-mnist or image-folder", DefaultValueFactory = _ => "fashion-mnist" };
        dataset.AcceptOnlyFromAmong("fashion-mnist", "image-folder");
        var datasetPath = new Option<string?>("--dataset-path") { Description = "Folder of the data (default: the full Fashion-MNIST when installed, else the shipped subset)" };
        var lr = new Option<double>("--lr") { Description = "Initial learning rate", DefaultValueFactory = _ => preset.LearningRate };
        var wd = new Option<double>("--weight-decay") { Description = "L2 weight decay", DefaultValueFactory = _ => preset.WeightDecay };
        var epochs = new Option<int>("--epochs") { Description = "Epochs", DefaultValueFactory = _ => preset.Epochs };
        var batch = new Option<int>("--batch-size") { Description = "Images per step", DefaultValueFactory = _ => preset.BatchSize };
        var subset = new Option<int?>("--train-subset") { Description = $"Use only the first N training images (default {preset.Dataset.TrainSubsetSize?.ToString(CultureInfo.InvariantCulture) ?? "all"})" };
        var model = new Option<string>("--model") { Description = "compact (28-64 px) or classic (227 px)", DefaultValueFactory = _ => "compact" };
        model.AcceptOnlyFromAmong("compact", "classic");
        var schedule = new Option<string?>("--schedule") { Description = $"Learning-rate schedule: plateau (the tutorial's) or cosine (default: the preset's, {preset.Schedule.ToString().ToLowerInvariant()})" };
        schedule.AcceptOnlyFromAmong("plateau", "cosine");
        var dropout = new Option<double?>("--dropout") { Description = $"Dropout before the first two fully connected layers (default {preset.Dropout})" };
        var threads = new Option<int?>("--threads") { Description = "Torch threads, fixed (default: adjusted while training, 1 to all cores, from the measured speed)" };
        var seed = new Option<int>("--seed") { Description = "Seed of weights, shuffling and augmentation", DefaultValueFactory = _ => 0 };
        var test = new Option<bool>("--test") { Description = "Also retrain on train + validation and report test accuracy" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of progress and tables" };
        var report = new Option<bool>("--report") { Description = "Speak the trial line protocol (bo:report per epoch, bo:result at the end), for use as a trial command" };

        var command = new Command("train", "Train the AlexNet once and print its learning curve");
        foreach (var option in new Option[] { dataset, datasetPath, lr, wd, epochs, batch, subset, model, schedule, dropout, threads, seed, test, json, report })
            command.Options.Add(option);

        command.SetAction((parse, ct) =>
        {
            var definition = new Studies.Definition.ObjectiveDefinition("alexnet", Dataset: parse.GetValue(dataset), DatasetPath: parse.GetValue(datasetPath),
                Epochs: parse.GetValue(epochs), BatchSize: parse.GetValue(batch), TrainSubset: parse.GetValue(subset) ?? preset.Dataset.TrainSubsetSize,
                Model: parse.GetValue(model), LearningRate: parse.GetValue(lr), WeightDecay: parse.GetValue(wd), Dropout: parse.GetValue(dropout), Seed: parse.GetValue(seed));
            var errors = AlexNetObjective.ValidateSettings(definition).ToList();
            if (parse.GetValue(threads) is < 1) errors.Add(new("--threads", $"must be at least 1, got {parse.GetValue(threads)}"));
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine($"{e.Field}: {e.Message}");
                return Task.FromResult(2);
            }
            var settings = AlexNetObjective.Settings(definition, new Dictionary<string, object>(), parse.GetValue(threads));
            if (parse.GetValue(schedule) is { } scheduleName)
                settings = settings with { Schedule = Enum.Parse<ScheduleKind>(scheduleName, ignoreCase: true) };
            var trainer = new Trainer();
            var asJson = parse.GetValue(json);
            try
            {
                if (parse.GetValue(report)) return Task.FromResult(ReportAsTrial(trainer, settings, ct));
                var result = asJson ? trainer.Train(settings, null, ct) : TrainWithProgress(trainer, settings, ct);
                var evaluation = parse.GetValue(test) ? (asJson ? trainer.RetrainAndTest(settings, null, ct) : TestWithProgress(trainer, settings, ct)) : null;
                if (asJson) Console.WriteLine(JsonSerializer.Serialize(new { settings, result, testAccuracy = evaluation?.TestAccuracy }, Json.Indented));
                else Print(result, evaluation);
                return Task.FromResult(result.Diverged ? 1 : 0);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("cancelled");
                return Task.FromResult(130);
            }
            catch (Training.Datasets.DatasetFormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }
        });
        return command;
    }

    /// <summary>`--report`: the run as a trial command, in the line protocol; exit code 3 when it diverged.</summary>
    private static int ReportAsTrial(ITrainer trainer, TrainingSettings settings, CancellationToken ct)
    {
        var result = trainer.Train(settings, AlexNetTrialProgram.ProtocolProgress(), ct);
        if (result.Diverged || result.BestValidationAccuracy is not { } best)
        {
            Console.Error.WriteLine(result.DivergenceMessage ?? "diverged");
            return AlexNetTrialProgram.DivergedExitCode;
        }
        Console.WriteLine(FormattableString.Invariant($"bo:result value={best:R}"));
        return 0;
    }

    /// <summary>One progress bar per epoch, advanced every few batches.</summary>
    public static TrainingResult TrainWithProgress(ITrainer trainer, TrainingSettings settings, CancellationToken ct) =>
        AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var bars = new Dictionary<int, ProgressTask>();
                return trainer.Train(settings, new SynchronousProgress<TrainingProgress>(p =>
                {
                    if (!bars.TryGetValue(p.Epoch, out var bar))
                        bars[p.Epoch] = bar = ctx.AddTask($"epoch {p.Epoch}/{p.Epochs}", maxValue: Math.Max(1, p.BatchesPerEpoch));
                    bar.Value = p.Batch;
                    bar.Description = p.EpochCompleted && p.ValidationAccuracy is { } v
                        ? $"epoch {p.Epoch}/{p.Epochs}  loss {p.TrainLoss:F3}  val acc {v:F4}"
                        : $"epoch {p.Epoch}/{p.Epochs}  loss {p.TrainLoss:F3}  {p.ImagesPerSecond:F0} img/s";
                    if (p.EpochCompleted) bar.Value = bar.MaxValue;
                }), ct);
            });

    private static TestEvaluation TestWithProgress(ITrainer trainer, TrainingSettings settings, CancellationToken ct) =>
        AnsiConsole.Status().Start("retraining on train + validation, then testing…", _ => trainer.RetrainAndTest(settings, null, ct));

    private static void Print(TrainingResult result, TestEvaluation? evaluation)
    {
        var table = new Table().Title("learning curve").AddColumns("epoch", "train loss", "train acc", "val acc", "lr", "s", "img/s");
        foreach (var e in result.Curve)
        {
            var best = e.Epoch == result.BestEpoch;
            string Cell(string text) => best ? $"[bold green]{text}[/]" : text;
            table.AddRow(Cell(e.Epoch.ToString(CultureInfo.InvariantCulture)), Cell($"{e.TrainLoss:F4}"), Cell($"{e.TrainAccuracy:F4}"),
                Cell(e.ValidationAccuracy is { } v ? $"{v:F4}" : "–"), Cell($"{e.LearningRate:G3}"), Cell($"{e.Seconds:F1}"), Cell($"{e.ImagesPerSecond:F0}"));
        }
        AnsiConsole.Write(table);
        if (result.Diverged)
            AnsiConsole.MarkupLine($"[red]diverged[/]: {Markup.Escape(result.DivergenceMessage ?? "")}");
        else
            AnsiConsole.MarkupLine($"best validation accuracy [bold]{result.BestValidationAccuracy:F4}[/] (epoch {result.BestEpoch}), {result.Seconds:F1} s on {result.Device} with {result.Threads} thread(s)");
        if (evaluation is not null)
            AnsiConsole.MarkupLine(evaluation.TestAccuracy is { } t
                ? $"test accuracy [bold]{t:F4}[/] ({evaluation.TestImages} test images, retrained on {evaluation.TrainImages})"
                : "[red]retraining diverged[/]");
    }
}
