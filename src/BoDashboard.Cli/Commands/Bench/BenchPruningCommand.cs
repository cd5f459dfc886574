using System.CommandLine;
using BoDashboard.Cli.Runs;
using BoDashboard.Training.Runs;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench pruning`: replays studies with and without pruners on a recorded learning-curve table;
/// `--record` makes that table from the real AlexNet objective.</summary>
public static class BenchPruningCommand
{
    public const string DefaultTable = "data/benchmarks/alexnet-learning-curves.csv";

    public static Command Create()
    {
        var record = new Option<bool>("--record") { Description = "Train the configurations and write the learning-curve table (long: ~15-40 s per configuration)" };
        var table = new Option<string>("--table") { Description = "The learning-curve table (CSV)", DefaultValueFactory = _ => DefaultTable };
        var configs = new Option<int>("--configs") { Description = "Configurations to record", DefaultValueFactory = _ => 80 };
        var threads = new Option<int?>("--threads") { Description = "Torch threads while recording (default: all cores)" };
        var subset = new Option<int?>("--train-subset") { Description = "Record with only the first N training images (before the 80/20 split; default: the preset's 15,000)" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per recorded configuration", DefaultValueFactory = _ => 6 };
        var validation = new Option<double?>("--validation-fraction") { Description = "Share of the images held out for validation while recording (default 0.2)" };
        var seed = new Option<int>("--seed") { Description = "While recording: draws the configurations and seeds training and the validation split (0: the shipped table)", DefaultValueFactory = _ => 0 };
        var shard = new Option<string>("--shard") { Description = "K/N: record only configurations i with i mod N = K (run N recorders at once)", DefaultValueFactory = _ => "0/1" };
        var seeds = new Option<int>("--seeds") { Description = "Replayed studies per combination (seeds 0..N-1)", DefaultValueFactory = _ => 20 };
        var trials = new Option<int>("--trials") { Description = "Trials per replayed study", DefaultValueFactory = _ => 30 };
        var markdown = new Option<bool>("--markdown") { Description = "Print the tables as Markdown (as in docs/benchmarks.md)" };
        var only = new Option<string[]>("--pruners") { Description = "Only these pruner rows, by label (e.g. asha \"median, noise-aware\"); none always runs", AllowMultipleArgumentsPerToken = true };
        var command = new Command("pruning", "Compare pruners (none, median, ASHA, Hyperband) under GP-EI and random sampling on recorded AlexNet learning curves");
        foreach (var option in new Option[] { record, table, configs, threads, subset, epochs, validation, seed, shard, seeds, trials, markdown, only }) command.Options.Add(option);
        command.SetAction((parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(table)!);
            if (parse.GetValue(record))
            {
                var parts = parse.GetValue(shard)!.Split('/');
                if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var k)
                    || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || k < 0 || k >= n)
                {
                    Console.Error.WriteLine($"--shard must be K/N with 0 <= K < N (e.g. 0/2 and 1/2 for two recorders), got '{parse.GetValue(shard)}'");
                    return Task.FromResult(2);
                }
                AnsiConsole.MarkupLine($"recording {parse.GetValue(configs)} configurations into [bold]{Markup.Escape(path)}[/]");
                new LearningCurveRecorder(new Trainer()).Record(path, parse.GetValue(configs),
                    new LearningCurveRecording(parse.GetValue(epochs), parse.GetValue(subset), parse.GetValue(validation), parse.GetValue(threads), parse.GetValue(seed)),
                    (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
                    (done, total, c) => Console.WriteLine(FormattableString.Invariant(
                        $"[{done}/{total}] lr {c.LearningRate:G3} wd {c.WeightDecay:G3}: {(c.Diverged ? "diverged" : string.Join(" ", c.Accuracies.Select(a => a.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))))} ({c.Seconds:F0} s)")),
                    ct);
                return Task.FromResult(0);
            }
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"no learning-curve table at {path}; record one with `bench pruning --record` (see data/benchmarks/README.md)");
                return Task.FromResult(2);
            }
            var unknown = (parse.GetValue(only) ?? []).Where(l => PruningBenchmark.Pruners.All(p => p.Label != l)).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"unknown pruner row(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; expected: {string.Join(", ", PruningBenchmark.Pruners.Select(p => $"'{p.Label}'"))}");
                return Task.FromResult(2);
            }
            if (parse.GetValue(seeds) < 1 || parse.GetValue(trials) < 1)
            {
                Console.Error.WriteLine("--seeds and --trials must be at least 1");
                return Task.FromResult(2);
            }
            LearningCurveTable curves;
            try
            {
                curves = LearningCurveTable.Read(path);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"{e.Message}; record one with `bench pruning --record` (see data/benchmarks/README.md)");
                return Task.FromResult(2);
            }
            PruningBenchmark.Print(curves, parse.GetValue(seeds), parse.GetValue(trials), parse.GetValue(markdown), parse.GetValue(only) ?? [], ct);
            return Task.FromResult(0);
        });
        return command;
    }
}
