using System.CommandLine;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench`: a group of benchmark subcommands, each in its own file.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Run benchmarks and print their tables");
        bench.Subcommands.Add(BenchOptimizerCommand.Create());
        bench.Subcommands.Add(BenchTrainingCommand.Create());
        bench.Subcommands.Add(BenchPosteriorCommand.Create());
        bench.Subcommands.Add(BenchPruningCommand.Create());
        bench.Subcommands.Add(BenchTrialsCommand.Create());
        bench.Subcommands.Add(BenchContentionCommand.Create());
        bench.Subcommands.Add(BenchRunnerQueueCommand.Create());
        return bench;
    }
}
