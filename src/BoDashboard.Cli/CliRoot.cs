using System.CommandLine;
using BoDashboard.Cli.Commands;
using BoDashboard.Cli.Commands.Bench;

namespace BoDashboard.Cli;

/// <summary>The command tree, and running it so that a failure the commands did not foresee is one line on stderr
/// and exit code 1, never a stack trace (set BODASHBOARD_TRACE=1 to see the trace).</summary>
public static class CliRoot
{
    public const int UnexpectedErrorExitCode = 1;

    public static RootCommand Create()
    {
        // One file per command: adding a command is one file plus one line here (or in BenchCommand for a benchmark).
        var root = new RootCommand("BoDashboard: headless Bayesian optimisation runs and benchmarks");
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ExperimentCommand.Create());
        root.Subcommands.Add(DatasetCommand.Create());
        return root;
    }

    public static int Invoke(string[] args) => Invoke(Create(), args);

    public static int Invoke(RootCommand root, string[] args)
    {
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (Environment.GetEnvironmentVariable("BODASHBOARD_TRACE") == "1") Console.Error.WriteLine(e);
            return UnexpectedErrorExitCode;
        }
    }
}
