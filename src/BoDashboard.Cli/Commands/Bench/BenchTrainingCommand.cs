using System.CommandLine;
using BoDashboard.Training.Benchmarks;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench training`: training throughput, one default-preset trial, and memory across 30 trials.</summary>
public static class BenchTrainingCommand
{
    public static Command Create()
    {
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: all cores)" };
        var command = new Command("training", "Measure training speed and memory of the compact AlexNet on this machine");
        command.Options.Add(threads);
        command.SetAction((parse, ct) =>
        {
            var report = AnsiConsole.Status().Start("warming up…", status =>
                new TrainingBenchmark().Run(parse.GetValue(threads), new Progress<string>(step => status.Status(Markup.Escape(step))), ct));
            var throughput = report.Throughput;
            var trial = report.Trial;
            var memory = report.Memory;
            AnsiConsole.Write(new Table().Title("training throughput (forward + backward + SGD step)")
                .AddColumns("model", "image", "batch", "threads", "images/s")
                .AddRow(Markup.Escape(throughput.Model), $"{throughput.ImageSize} px", $"{throughput.BatchSize}", $"{throughput.Threads}", $"{throughput.ImagesPerSecond:F0}"));
            AnsiConsole.Write(new Table().Title("one trial of the CPU preset")
                .AddColumns("seconds", "epochs", "train images", "threads", "best val acc")
                .AddRow($"{trial.Seconds:F1}", $"{trial.Epochs}", $"{trial.TrainImages}", $"{trial.Threads}",
                    trial.Diverged ? "diverged" : $"{trial.BestValidationAccuracy:F4}"));
            AnsiConsole.Write(new Table().Title("resident memory across consecutive trials")
                .AddColumns("after trial", "resident MiB")
                .AddRow($"{memory.EarlyTrials}", $"{memory.EarlyResidentBytes / 1048576.0:F0}")
                .AddRow($"{memory.LateTrials}", $"{memory.LateResidentBytes / 1048576.0:F0}"));
            AnsiConsole.MarkupLine($"memory growth from trial {memory.EarlyTrials} to {memory.LateTrials}: [bold]{memory.GrowthPercent:F1} %[/]");
            return Task.FromResult(0);
        });
        return command;
    }
}
