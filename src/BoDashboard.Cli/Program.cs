using System.CommandLine;
using BoDashboard.Cli.Commands;
using BoDashboard.Cli.Commands.Bench;
using BoDashboard.Studies.Processes;

// Trial processes of studies run from the CLI (experiment) are this program with a verb.
if (TrialVerbs.TryRun(args, out var verbExitCode)) return verbExitCode;

// One file per command: adding a command is one file plus one line here (or in BenchCommand for a benchmark).
var root = new RootCommand("BoDashboard: headless Bayesian optimisation runs and benchmarks");
root.Subcommands.Add(OptimizeCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ExperimentCommand.Create());
root.Subcommands.Add(DatasetCommand.Create());
return root.Parse(args).Invoke();
