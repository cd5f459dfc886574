using System.CommandLine;
using System.Text.Json;
using BoDashboard.Training.Benchmarks;
using BoDashboard.Training.Datasets;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>
/// `bench training`: training throughput, one default-preset trial, and memory across 30 trials; with
/// `--reference`, the reference script's two nets in TorchSharp next to PyTorch; with `--classic`, a short run of
/// the classic AlexNet on a 227x227x3 image folder; with `--under-load`, training speed per thread policy on a busy
/// machine.
/// </summary>
public static class BenchTrainingCommand
{
    public static Command Create()
    {
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: all cores); the PyTorch script gets the same" };
        var reference = new Option<bool>("--reference") { Description = "Compare TorchSharp with PyTorch on the reference script's two nets, and time one preset trial" };
        var classic = new Option<bool>("--classic") { Description = "Train the classic AlexNet for a short run on a 227x227x3 image folder" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (with --reference and/or --classic)" };
        var quick = new Option<bool>("--short") { Description = "A run of seconds that checks every step (2 and 1 timed steps, a 500-image preset trial, 32 classic images); its figures mean nothing" };
        var compactSteps = new Option<int?>("--compact-steps") { Description = "Timed steps of the compact reference net on each side (default 10, the script's)" };
        var classicSteps = new Option<int?>("--classic-steps") { Description = "Timed steps of the classic reference net on each side (default 3, the script's)" };
        var rounds = new Option<int?>("--rounds") { Description = $"With --reference: times TorchSharp and PyTorch take turns; each figure is the median of its rounds (default {ReferenceBenchmark.DefaultRounds}, 1 with --short)" };
        var python = new Option<string?>("--python") { Description = "The Python interpreter that runs the reference script (default: python3 on the PATH, else /usr/bin/python3, whichever has torch)" };
        var folder = new Option<string?>("--folder") { Description = "Image folder for --classic (default: written to a temporary folder from the shipped Fashion-MNIST subset)" };
        var images = new Option<int?>("--images") { Description = "Images of the --classic run, validation included (default 512)" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs of the --classic run", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch-size") { Description = "Batch of the --classic run", DefaultValueFactory = _ => 16 };
        var underLoad = new Option<bool>("--under-load") { Description = "Training speed per thread policy: idle, with one core kept busy, and two trainings at once (one epoch of the preset's 12,000 training images each, in processes of their own)" };
        var command = new Command("training", "Measure training speed and memory of the compact AlexNet on this machine");
        foreach (var option in new Option[] { threads, reference, classic, json, quick, compactSteps, classicSteps, rounds, python, folder, images, epochs, batch, underLoad })
            command.Options.Add(option);
        command.SetAction((parse, ct) =>
        {
            var (runReference, runClassic, asJson, isShort) = (parse.GetValue(reference), parse.GetValue(classic), parse.GetValue(json), parse.GetValue(quick));
            if (parse.GetValue(underLoad))
                return Task.FromResult(RunUnderLoad(isShort, ct));
            if (!runReference && !runClassic)
            {
                if (asJson || isShort)
                    return Fail("--json and --short go with --reference or --classic.");
                RunDefault(parse.GetValue(threads), ct);
                return Task.FromResult(0);
            }
            var steps = (Compact: parse.GetValue(compactSteps) ?? (isShort ? 2 : 10), Classic: parse.GetValue(classicSteps) ?? (isShort ? 1 : 3));
            var classicImages = parse.GetValue(images) ?? (isShort ? 32 : 512);
            if (steps.Compact < 1 || steps.Classic < 1)
                return Fail("--compact-steps and --classic-steps must be at least 1.");
            var referenceRounds = parse.GetValue(rounds) ?? (isShort ? 1 : ReferenceBenchmark.DefaultRounds);
            if (referenceRounds < 1)
                return Fail("--rounds must be at least 1.");
            if (classicImages < 2 || parse.GetValue(epochs) < 1 || parse.GetValue(batch) < 1)
                return Fail("--images must be at least 2, --epochs and --batch-size at least 1.");
            try
            {
                var referenceReport = runReference
                    ? WithStatus(asJson, progress => new ReferenceBenchmark().Run(steps.Compact, steps.Classic, parse.GetValue(threads),
                        isShort ? ReferenceBenchmark.ShortPreset : null, parse.GetValue(python), progress, ct, referenceRounds))
                    : null;
                var classicReport = runClassic
                    ? WithStatus(asJson, progress => new ClassicTrainingBenchmark().Run(parse.GetValue(folder), classicImages,
                        parse.GetValue(epochs), parse.GetValue(batch), parse.GetValue(threads), progress, ct))
                    : null;
                if (asJson)
                    Console.WriteLine(JsonSerializer.Serialize(Document(referenceReport, classicReport), Json.Indented));
                if (referenceReport?.PyTorch.Problem is { } problem)
                    Console.Error.WriteLine($"PyTorch: {problem}");
                if (!asJson && referenceReport is not null)
                    PrintReference(referenceReport);
                if (!asJson && classicReport is not null)
                    PrintClassic(classicReport);
                return Task.FromResult(0);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("cancelled");
                return Task.FromResult(130);
            }
            catch (Exception e) when (e is DatasetFormatException or ArgumentException or InvalidOperationException)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    /// <summary>The issue's document: {"reference": {...}, "preset": {...}}, plus "classic" when it ran.</summary>
    private static Dictionary<string, object?> Document(ReferenceBenchmarkReport? reference, ClassicMeasurement? classic)
    {
        var document = new Dictionary<string, object?>();
        if (reference is not null)
        {
            document["reference"] = new
            {
                compact = new { torchsharp = reference.Compact.TorchSharp, pytorch = reference.Compact.PyTorch },
                classic = new { torchsharp = reference.Classic.TorchSharp, pytorch = reference.Classic.PyTorch },
            };
            document["preset"] = new { seconds = reference.Preset.Seconds, accuracy = reference.Preset.BestValidationAccuracy };
        }
        if (classic is not null)
        {
            document["classic"] = new
            {
                secondsPerEpoch = classic.SecondsPerEpoch, imagesPerSecond = classic.ImagesPerSecond, trainImages = classic.TrainImages,
                validationImages = classic.ValidationImages, epochs = classic.Epochs, batchSize = classic.BatchSize, device = classic.Device, threads = classic.Threads,
            };
        }
        return document;
    }

    private static T WithStatus<T>(bool quiet, Func<IProgress<string>?, T> run) =>
        quiet ? run(null) : AnsiConsole.Status().Start("warming up…", status => run(new Progress<string>(step => status.Status(Markup.Escape(step)))));

    private static void PrintReference(ReferenceBenchmarkReport report)
    {
        static string Figure(double? value) => value is { } v ? $"{v:F1}" : "null";
        var table = new Table().Title($"reference nets, forward + backward + SGD step, {report.Threads} thread(s), images/s")
            .AddColumns("net", "input", "batch", "timed steps", "TorchSharp", "PyTorch", "TorchSharp / PyTorch");
        foreach (var (net, comparison, steps) in new[] { (ReferenceNet.Compact, report.Compact, report.CompactSteps), (ReferenceNet.Classic, report.Classic, report.ClassicSteps) })
        {
            table.AddRow(net.Name, $"{net.Channels}x{net.ImageSize}x{net.ImageSize}", $"{net.BatchSize}", $"{steps}",
                Figure(comparison.TorchSharp), Figure(comparison.PyTorch), comparison.Ratio is { } r ? $"{r:F2}x" : "–");
        }
        AnsiConsole.Write(table);
        if (report.Rounds > 1)
        {
            static string Each(IEnumerable<double?> values) => string.Join(", ", values.Select(v => v is { } x ? $"{x:F1}" : "null"));
            AnsiConsole.MarkupLine($"medians of {report.Rounds} rounds, the two sides taking turns; per round: compact TorchSharp {Each(report.CompactRounds.Select(v => (double?)v))}, "
                + $"PyTorch {Each(report.PyTorchRounds.Select(m => m.CompactImagesPerSecond))}; classic TorchSharp {Each(report.ClassicRounds.Select(v => (double?)v))}, "
                + $"PyTorch {Each(report.PyTorchRounds.Select(m => m.ClassicImagesPerSecond))}");
        }
        if (report.PyTorch.Version is { } version)
            AnsiConsole.MarkupLine($"PyTorch ({Markup.Escape(report.PyTorch.Interpreter ?? "python")}): {Markup.Escape(version)}");
        var preset = report.Preset;
        AnsiConsole.MarkupLine($"one preset trial (lr 0.01, wd 0.0005): [bold]{preset.Seconds:F1} s[/], {preset.Epochs} epoch(s) of {preset.TrainImages} images, "
            + (preset.Diverged ? "[red]diverged[/]" : $"best validation accuracy [bold]{preset.BestValidationAccuracy:F4}[/]"));
    }

    private static void PrintClassic(ClassicMeasurement run) =>
        AnsiConsole.Write(new Table().Title("classic AlexNet on 227x227x3 images (training + validation per epoch)")
            .AddColumns("train images", "validation images", "epochs", "batch", "device", "threads", "s / epoch", "images/s", "best val acc")
            .AddRow($"{run.TrainImages}", $"{run.ValidationImages}", $"{run.Epochs}", $"{run.BatchSize}", run.Device, $"{run.Threads}",
                $"{run.SecondsPerEpoch:F1}", $"{run.ImagesPerSecond:F1}", run.ValidationAccuracy is { } a ? $"{a:F4}" : "diverged"));

    private static int RunUnderLoad(bool isShort, CancellationToken ct)
    {
        try
        {
            var report = WithStatus(false, progress => new Runs.TrainingUnderLoadBenchmark().Run(isShort ? 64 : 12000, progress, ct));
            UnderLoadTable.Print(report);
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static Task<int> Fail(string message)
    {
        Console.Error.WriteLine(message);
        return Task.FromResult(2);
    }

    private static void RunDefault(int? threads, CancellationToken ct)
    {
        var report = AnsiConsole.Status().Start("warming up…", status =>
            new TrainingBenchmark().Run(threads, new Progress<string>(step => status.Status(Markup.Escape(step))), ct));
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
    }
}
