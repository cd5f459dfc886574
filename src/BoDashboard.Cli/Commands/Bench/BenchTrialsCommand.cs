using System.CommandLine;
using BoDashboard.Cli.Runs;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench trials`: the cost of running each trial in its own process, against a whole trial.</summary>
public static class BenchTrialsCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Skip the full CPU-preset trial (~35 s)" };
        var command = new Command("trials", "Measure the per-trial overhead of trial processes (process start, torch load, dataset load)");
        command.Options.Add(quick);
        command.SetAction((parse, ct) =>
        {
            var r = AnsiConsole.Status().Start("…", status =>
                new TrialProcessBenchmark().Run(!parse.GetValue(quick), new Progress<string>(s => status.Status(Markup.Escape(s))), ct));
            var table = new Table().Title("one trial, one process").AddColumns("what", "time");
            table.AddRow("process start: guard + a program that does nothing (median of 5)", $"{r.ProcessStartMs:F0} ms");
            table.AddRow("libtorch load (first tensor)", $"{r.TorchLoadMs:F0} ms");
            table.AddRow("dataset load (shipped Fashion-MNIST subset)", $"{r.DatasetLoadMs:F0} ms");
            table.AddRow("a whole tiny AlexNet trial process (64 images, 1 epoch)", $"{r.TinyTrialSeconds:F2} s");
            if (r.PresetTrialSeconds is { } s)
            {
                table.AddRow("a whole CPU-preset AlexNet trial process", $"{s:F1} s (best val acc {r.PresetAccuracy:F4})");
                table.AddRow("overhead share of the preset trial (tiny trial / preset trial)", $"{r.TinyTrialSeconds / s:P1}");
            }
            AnsiConsole.Write(table);
            return Task.FromResult(0);
        });
        return command;
    }
}
