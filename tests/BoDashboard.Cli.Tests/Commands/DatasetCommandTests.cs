using System.CommandLine;
using BoDashboard.Cli.Commands;
using SixLabors.ImageSharp;

namespace BoDashboard.Cli.Tests.Commands;

[Collection(ConsoleCollection.Name)]
public sealed class DatasetCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dataset-command-tests-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var command = new RootCommand();
        command.Subcommands.Add(DatasetCommand.Create());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        var (output, errors) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            return (command.Parse(args).Invoke(), output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public void Images_writes_per_class_pngs_of_the_requested_size()
    {
        var folder = Path.Combine(root, "fm227");

        var (code, output, _) = Run("dataset", "images", "--out", folder, "--size", "64", "--channels", "3", "--per-class", "3", "--split", "test");

        Assert.Equal(0, code);
        var classFolders = Directory.GetDirectories(folder);
        Assert.Equal(10, classFolders.Length);
        Assert.All(classFolders, classFolder => Assert.Equal(3, Directory.GetFiles(classFolder, "*.png").Length));
        var info = Image.Identify(Directory.GetFiles(classFolders[0], "*.png")[0]);
        Assert.Equal((64, 64, 24), (info.Width, info.Height, info.PixelType.BitsPerPixel));
        Assert.Contains("30", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_size_is_refused_with_a_message()
    {
        var (code, _, errors) = Run("dataset", "images", "--out", Path.Combine(root, "x"), "--size", "4");

        Assert.Equal(2, code);
        Assert.Contains("--size must be between", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "x")));
    }

    [Fact]
    public void An_existing_non_empty_folder_is_refused()
    {
        File.WriteAllText(Path.Combine(root, "keep.txt"), "mine");

        var (code, _, errors) = Run("dataset", "images", "--out", root, "--per-class", "1");

        Assert.Equal(2, code);
        Assert.Contains("not empty", errors, StringComparison.Ordinal);
    }
}
