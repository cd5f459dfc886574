namespace BoDashboard.Cli.Tests.Commands;

/// <summary>Bad arguments to every command, through the same entry point as the program: each is a message on stderr
/// and a non-zero exit code, never a stack trace, and nothing runs.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HostileArgumentsTests : IDisposable
{
    private readonly string empty = Directory.CreateTempSubdirectory("bodashboard-cli-empty-").FullName;
    private readonly string corrupt = Directory.CreateTempSubdirectory("bodashboard-cli-corrupt-").FullName;

    public HostileArgumentsTests()
    {
        // A Fashion-MNIST folder whose files have the right names and the wrong contents.
        foreach (var name in new[] { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
            File.WriteAllText(Path.Combine(corrupt, name), "not a dataset");
        File.WriteAllText(Path.Combine(corrupt, "table.csv"), "name,value\nlearning rate,high\n");
        File.WriteAllText(Path.Combine(corrupt, "empty-table.csv"), LearningCurveHeader + "\n");
    }

    public void Dispose()
    {
        Directory.Delete(empty, recursive: true);
        Directory.Delete(corrupt, recursive: true);
    }

    private static readonly string LearningCurveHeader = BoDashboard.Cli.Runs.LearningCurveTable.Header(2);

    private static (int Code, string Output, string Errors) Run(string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        var (output, errors) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(errors);
        // Spectre's console binds to Console.Out when first used: bound to this test's writer, it would swallow the
        // output of every later test. One that writes wherever Console.Out points at the time serves them all.
        Spectre.Console.AnsiConsole.Console = CurrentConsoleOut.Console;
        try
        {
            return (CliRoot.Invoke(args), output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    public static TheoryData<string[], string> BadArguments() => new()
    {
        { ["frobnicate"], "frobnicate" },
        { ["optimize", "--bogus"], "--bogus" },
        { ["optimize", "--objective", "../branin"], "../branin" },
        { ["optimize", "--sampler", "tpe"], "tpe" },
        { ["optimize", "--seed", "abc"], "abc" },
        { ["optimize", "--init-points", "99999999999"], "99999999999" },
        { ["optimize", "--init-points", "0"], "initialPoints" },
        { ["optimize", "--n-iter", "-3"], "--n-iter" },
        { ["optimize", "--init-points", "2000000000", "--n-iter", "2000000000"], "--n-iter" },
        { ["optimize", "--xi", "NaN"], "xi" },
        { ["optimize", "--xi", "-1"], "xi" },
        { ["optimize", "--kappa", "Infinity"], "kappa" },
        { ["optimize", "--acquisition", "thompson"], "acquisition" },
        { ["train", "--dataset", "imagenet"], "imagenet" },
        { ["train", "--model", "resnet"], "resnet" },
        { ["train", "--lr", "NaN"], "LearningRate" },
        { ["train", "--lr", "-1"], "LearningRate" },
        { ["train", "--weight-decay", "-Infinity"], "WeightDecay" },
        { ["train", "--epochs", "0"], "Epochs" },
        { ["train", "--epochs", "99999999999"], "99999999999" },
        { ["train", "--batch-size", "-5"], "BatchSize" },
        { ["train", "--dropout", "1"], "Dropout" },
        { ["train", "--train-subset", "1"], "TrainSubsetSize" },
        { ["train", "--threads", "0", "--epochs", "1", "--train-subset", "16"], "--threads" },
        { ["train", "--schedule", "step"], "step" },
        { ["train", "--dataset", "image-folder", "--dataset-path", "/nonexistent/bodashboard-images", "--epochs", "1"], "not found" },
        { ["train", "--dataset-path", "{empty}", "--epochs", "1", "--threads", "1"], "train-images-idx3-ubyte.gz" },
        { ["train", "--dataset-path", "{corrupt}", "--epochs", "1", "--threads", "1"], "train-images-idx3-ubyte.gz" },
        { ["dataset", "images"], "--out" },
        { ["dataset", "images", "--out", ""], "--out" },
        { ["dataset", "images", "--out", "/proc/bodashboard-images", "--size", "28", "--per-class", "1"], "/proc/bodashboard-images" },
        { ["dataset", "images", "--out", "/etc/passwd", "--size", "28", "--per-class", "1"], "/etc/passwd" },
        { ["dataset", "images", "--out", "{empty}/x", "--size", "0"], "size" },
        { ["dataset", "images", "--out", "{empty}/x", "--channels", "2"], "channels" },
        { ["dataset", "images", "--out", "{empty}/x", "--per-class", "-1"], "per-class" },
        { ["dataset", "images", "--out", "{empty}/x", "--size", "28", "--per-class", "1", "--dataset-path", "{corrupt}"], "train-images-idx3-ubyte.gz" },
        { ["experiment", "tutorial", "--budget", "0"], "budget" },
        { ["experiment", "tutorial", "--threads", "0", "--budget", "1"], "--threads" },
        { ["experiment", "tutorial", "--epochs", "-1", "--budget", "1"], "Epochs" },
        { ["experiment", "tutorial", "--classic"], "--dataset-path" },
        { ["bench", "optimizer", "--suite", "nope"], "nope" },
        { ["bench", "optimizer", "--suite", "tuning", "--problems", "nope"], "nope" },
        { ["bench", "optimizer", "--suite", "tuning", "--problems", "[bold"], "[bold" },
        { ["bench", "optimizer", "--section", "regret", "--seeds", "-1"], "--seeds" },
        { ["bench", "optimizer", "--section", "seed-1d", "--seed-1d-seeds", "0"], "--seed-1d-seeds" },
        { ["bench", "pruning", "--table", "{corrupt}/table.csv"], "line 2: not a learning-curve row" },
        { ["bench", "pruning", "--table", "{corrupt}/empty-table.csv"], "no rows" },
        { ["bench", "pruning", "--table", "{empty}/missing.csv"], "no learning-curve table" },
        { ["bench", "pruning", "--table", "{corrupt}/table.csv", "--seeds", "0"], "--seeds" },
        { ["bench", "pruning", "--record", "--table", "{empty}/x/table.csv", "--shard", "abc"], "--shard" },
        { ["bench", "pruning", "--record", "--table", "{empty}/x/table.csv", "--shard", "2/2"], "--shard" },
        { ["bench", "posterior", "--trials", "-1", "--repeats", "1"], "budget" },
        { ["bench", "contention", "--history", "-5"], "--history" },
        { ["bench", "runner-queue", "--minutes", "-1"], "--minutes" },
        { ["bench", "training", "--classic", "--short", "--folder", "/nonexistent/bodashboard-images"], "not found" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_are_a_message_and_a_non_zero_exit_code_never_a_stack_trace(string[] args, string mentioned)
    {
        var filled = args.Select(a => a.Replace("{empty}", empty).Replace("{corrupt}", corrupt)).ToArray();

        var (code, output, errors) = Run(filled);

        var all = output + errors;
        Assert.True(code != 0, $"{string.Join(' ', args)}: exit code 0\n{all}");
        Assert.Contains(mentioned.Replace("{empty}", empty), errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unhandled exception", all);
        Assert.DoesNotContain("   at ", all);
        Assert.DoesNotContain("(Parameter '", all);
        Assert.False(Directory.Exists(Path.Combine(empty, "x")), "a refused dataset command must not create its folder");
    }

    [Fact]
    public void A_failure_no_command_foresaw_is_one_line_on_stderr_and_exit_code_1()
    {
        var root = new System.CommandLine.RootCommand();
        var boom = new System.CommandLine.Command("boom");
        boom.SetAction(new Func<System.CommandLine.ParseResult, int>(_ => throw new InvalidOperationException("the disk went away")));
        root.Subcommands.Add(boom);
        var (originalError, errors) = (Console.Error, new StringWriter());
        Console.SetError(errors);
        int code;
        try { code = CliRoot.Invoke(root, ["boom"]); }
        finally { Console.SetError(originalError); }

        Assert.Equal(CliRoot.UnexpectedErrorExitCode, code);
        Assert.Equal("error: the disk went away", errors.ToString().Trim());
    }
}

/// <summary>A writer that forwards to whatever <see cref="Console.Out"/> is when it writes.</summary>
internal sealed class CurrentConsoleOut : TextWriter
{
    public static readonly Spectre.Console.IAnsiConsole Console = Spectre.Console.AnsiConsole.Create(
        new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(new CurrentConsoleOut()) });

    public override System.Text.Encoding Encoding => System.Console.Out.Encoding;
    public override void Write(char value) => System.Console.Out.Write(value);
    public override void Write(string? value) => System.Console.Out.Write(value);
    public override void Flush() => System.Console.Out.Flush();
}
