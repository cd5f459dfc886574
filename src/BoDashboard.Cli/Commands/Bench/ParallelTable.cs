using System.Globalization;
using BoDashboard.Benchmarks;
using BoDashboard.Cli.Runs;
using BoDashboard.Optimization.Samplers;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench optimizer --section parallel`: median regret after 50 evaluations with 1, 4 and 8 trials pending
/// (batches asked, then told), for each way gp-ei treats pending trials (<see cref="SamplerSettings.PendingFantasies"/>),
/// side by side, on the tuning set's problems.</summary>
public static class ParallelTable
{
    private static readonly string[] Problems = ["branin", "hartmann6", "ackley5"];
    private static readonly int[] Batches = [1, 4, 8];
    private const int Evaluations = 50;

    /// <summary>Seeds from here on are the held-out suite's, never tuned on.</summary>
    private const int HeldOutFrom = 100;

    /// <summary>Why these seeds cannot run (null when they can): the section runs tuning seeds only.</summary>
    public static string? SeedError(int firstSeed, int seeds) =>
        firstSeed < 0 || seeds < 1 || firstSeed + seeds > HeldOutFrom
            ? $"the parallel section runs tuning seeds only: seeds {firstSeed}-{firstSeed + seeds - 1} must lie within 0-{HeldOutFrom - 1} (100-109 are held out)"
            : null;

    public static void Run(int firstSeed, int seeds, int parallelism, IReadOnlyList<string> strategies)
    {

        var fantasies = strategies.ToArray();
        var medians = new Dictionary<(string Problem, int Batch, string Fantasy), double>();
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()).Start(progress =>
        {
            var task = progress.AddTask("parallel", maxValue: Problems.Length * (1 + (Batches.Length - 1) * fantasies.Length) * seeds);
            foreach (var problem in Problems)
            {
                var function = AnalyticFunctions.Get(problem);
                foreach (var batch in Batches)
                {
                    // With one trial at a time nothing is pending: every fantasy gives the same run.
                    foreach (var fantasy in batch == 1 ? [SamplerSettings.Believer] : fantasies)
                    {
                        task.Description = $"{problem}, {batch} pending, {fantasy}";
                        var regrets = new double[seeds];
                        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, index =>
                        {
                            var settings = new SamplerSettings("gp-ei", Seed: firstSeed + index, Budget: Evaluations, PendingFantasy: fantasy);
                            regrets[index] = OptimizationRun.RegretAfter(function, OptimizationRun.RunBatched(function, settings, Evaluations, batch), Evaluations);
                            task.Increment(1);
                        });
                        medians[(problem, batch, fantasy)] = OptimizerBenchmark.Median(regrets);
                    }
                }
            }
        });

        var table = new Table().Title($"median regret after {Evaluations} evaluations over seeds {firstSeed}-{firstSeed + seeds - 1}, batches of pending trials (x: relative to one at a time)")
            .AddColumn("problem").AddColumn("1 pending", c => c.RightAligned());
        foreach (var fantasy in fantasies)
        {
            foreach (var batch in Batches.Skip(1))
            {
                table.AddColumn($"{batch}, {fantasy}", c => c.RightAligned());
            }
        }

        foreach (var problem in Problems)
        {
            var sequential = medians[(problem, 1, SamplerSettings.Believer)];
            var cells = new List<string> { problem, F(sequential) };
            foreach (var fantasy in fantasies)
            {
                foreach (var batch in Batches.Skip(1))
                {
                    var m = medians[(problem, batch, fantasy)];
                    var ratio = m / sequential;
                    cells.Add($"{F(m)} ({ratio.ToString(ratio < 10 ? "F1" : "F0", CultureInfo.InvariantCulture)}x)");
                }
            }

            table.AddRow([.. cells]);
        }

        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
