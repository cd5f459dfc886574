using System.Globalization;
using BoDashboard.Benchmarks;
using BoDashboard.Cli.Runs;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench optimizer --suite NAME`: final regret per problem (median and quartiles over the suite's seeds),
/// with a progress bar over all studies.</summary>
public static class SuiteTable
{
    public static int Run(BenchmarkSuite suite, int parallelism)
    {
        var results = new List<(string Problem, int Evaluations, double[] Regrets, TimeSpan Elapsed)>();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var total = progress.AddTask($"{suite.Name} suite: {suite.Problems.Count} problems x {suite.Seeds.Count} seeds", maxValue: suite.Problems.Count * suite.Seeds.Count);
                using var host = new SyncHost();
                foreach (var (problem, evaluations) in suite.Problems)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    total.Description = $"{suite.Name}: {problem} ({evaluations} evaluations)";
                    var regrets = SuiteBenchmark.RegretsAsync(host.Host, problem, evaluations, suite.Seeds, parallelism, () => total.Increment(1), CancellationToken.None)
                        .GetAwaiter().GetResult();
                    results.Add((problem, evaluations, regrets, clock.Elapsed));
                }
            });

        var table = new Table()
            .Title($"{suite.Name} suite: final simple regret over seeds {suite.Seeds[0]}-{suite.Seeds[^1]}, gp-ei (5 initial points, xi 0.01), studies driven by ask/tell")
            .AddColumn("problem (evaluations)").AddColumn("median", c => c.RightAligned()).AddColumn("q25", c => c.RightAligned())
            .AddColumn("q75", c => c.RightAligned()).AddColumn("worst", c => c.RightAligned()).AddColumn("seconds", c => c.RightAligned());
        foreach (var (problem, evaluations, regrets, elapsed) in results)
        {
            table.AddRow($"{problem} ({evaluations})", F(OptimizerBenchmark.Median(regrets)), F(OptimizerBenchmark.Quantile(regrets, 0.25)),
                F(OptimizerBenchmark.Quantile(regrets, 0.75)), F(regrets.Max()), elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("per seed: " + string.Join("; ", results.Select(r => $"{r.Problem} [[{string.Join(", ", r.Regrets.Select(F))}]]")));
        return 0;
    }

    private static string F(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>The bench host, disposed synchronously inside Spectre's synchronous progress callback.</summary>
    private sealed class SyncHost : IDisposable
    {
        public BenchStudyHost Host { get; } = BenchStudyHost.Start();

        public void Dispose() => Host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
