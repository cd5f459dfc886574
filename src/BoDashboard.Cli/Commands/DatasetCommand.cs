using System.CommandLine;
using BoDashboard.Studies.Objectives;
using BoDashboard.Training.Datasets;
using Spectre.Console;

namespace BoDashboard.Cli.Commands;

/// <summary>
/// `dataset images`: writes class folders of PNG images from Fashion-MNIST at a chosen size and channel count, so
/// the classic 227x227x3 AlexNet (or any image-folder study) has a dataset anyone can recreate.
/// </summary>
public static class DatasetCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to create (must not exist, or be empty)", Required = true };
        var size = new Option<int>("--size") { Description = $"Side in pixels ({ImageFolderWriter.MinimumSize}-{ImageFolderWriter.MaximumSize}; 227 for the classic AlexNet)", DefaultValueFactory = _ => 227 };
        var channels = new Option<int>("--channels") { Description = "1 (greyscale) or 3 (RGB)", DefaultValueFactory = _ => 3 };
        var perClass = new Option<int>("--per-class") { Description = "Images per class (the first ones of each class in the file)", DefaultValueFactory = _ => 50 };
        var split = new Option<string>("--split") { Description = "train or test images of Fashion-MNIST", DefaultValueFactory = _ => "train" };
        split.AcceptOnlyFromAmong("train", "test");
        var source = new Option<string?>("--dataset-path") { Description = "Fashion-MNIST folder (default: the full set when installed, else the shipped subset)" };

        var images = new Command("images", "Write Fashion-MNIST as class folders of PNG images at a chosen size and channel count");
        foreach (var option in new Option[] { output, size, channels, perClass, split, source })
            images.Options.Add(option);
        images.SetAction((parse, ct) =>
        {
            var (side, channelCount, count) = (parse.GetValue(size), parse.GetValue(channels), parse.GetValue(perClass));
            var folder = "";
            try
            {
                if (string.IsNullOrWhiteSpace(parse.GetValue(output))) throw new ArgumentException("--out needs the path of a folder to create");
                folder = Path.GetFullPath(parse.GetValue(output)!);
                // Check the settings before decoding the dataset, so a mistake is reported at once.
                ImageFolderWriter.Check(folder, side, channelCount, count);
                var (train, test) = FashionMnist.Read(DataPaths.FashionMnist(parse.GetValue(source)));
                var set = parse.GetValue(split) == "test" ? test : train;
                var total = count * set.ClassNames.Count;
                var written = AnsiConsole.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var bar = ctx.AddTask($"{total} images, {side}x{side}x{channelCount}", maxValue: total);
                        return ImageFolderWriter.Write(set, folder, side, channelCount, count, new SynchronousProgress<int>(done => bar.Value = done), ct);
                    });
                AnsiConsole.MarkupLine($"wrote [bold]{written.Values.Sum()}[/] PNG images in {written.Count} class folders under {Markup.Escape(folder)}");
                return Task.FromResult(0);
            }
            catch (Exception e) when (e is ArgumentException or DatasetFormatException)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be created or written (a read-only place, /proc, a full disk).
                Console.Error.WriteLine($"cannot write the images to {folder}: {e.Message}");
                return Task.FromResult(2);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("cancelled");
                return Task.FromResult(130);
            }
        });

        var dataset = new Command("dataset", "Make datasets");
        dataset.Subcommands.Add(images);
        return dataset;
    }
}
