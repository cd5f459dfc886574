using System.Globalization;
using BoDashboard.Optimization.Pruners;
using Spectre.Console;

namespace BoDashboard.Cli.Runs;

/// <summary>The tables of `bench pruning`: per sampler and pruner, the median best final validation accuracy and the
/// epochs used over the seeds; then GP-EI with ASHA whose pruned trials inform the model against the same with pruned
/// trials dropped, at equal compute (the same epoch budget).</summary>
public static class PruningBenchmark
{
    public static readonly (string Label, PrunerSettings Settings)[] Pruners =
    [
        ("none", new PrunerSettings("none")),
        ("median", new PrunerSettings("median", StartupTrials: 5, WarmupSteps: 1)),
        ("asha", new PrunerSettings("asha", MinResource: 1, ReductionFactor: 3)),
        ("hyperband", new PrunerSettings("hyperband", MinResource: 1, MaxResource: 6, ReductionFactor: 3)),
        // Later first decisions, for objectives whose early epochs rank configurations poorly (see docs/benchmarks.md).
        ("median, warm-up 3", new PrunerSettings("median", StartupTrials: 5, WarmupSteps: 3)),
        ("asha, min resource 2", new PrunerSettings("asha", MinResource: 2, ReductionFactor: 3)),
    ];

    public static void Print(LearningCurveTable table, int seeds, int trials, CancellationToken ct)
    {
        var replay = new PruningReplay(table);
        var ceiling = table.Curves.Where(c => !c.Diverged && c.Accuracies.Count > 0).Max(c => c.Accuracies.Max());
        AnsiConsole.MarkupLine($"{table.Curves.Count} recorded configurations, {table.Epochs} epochs each; best recorded final accuracy {ceiling:F4}; " +
                               $"{seeds} seeds x {trials} trials per combination");
        var results = new Dictionary<(string, string), List<ReplayResult>>();
        AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask("replaying studies", maxValue: 2 * Pruners.Length * seeds);
                foreach (var sampler in new[] { "gp-ei", "random" })
                foreach (var (label, settings) in Pruners)
                {
                    var list = results[(sampler, label)] = [];
                    for (var seed = 0; seed < seeds; seed++)
                    {
                        ct.ThrowIfCancellationRequested();
                        list.Add(replay.Run(sampler, settings, seed, trials));
                        bar.Increment(1);
                    }
                }
            });

        var summary = new Table().Title($"bench pruning: median over {seeds} seeds of {trials} trials").AddColumns(
            "sampler", "pruner", "best final val acc", "gap to none", "mean best", "epochs used", "share of none's epochs", "pruned trials");
        foreach (var sampler in new[] { "gp-ei", "random" })
        {
            var none = results[(sampler, "none")];
            foreach (var (label, _) in Pruners)
            {
                var r = results[(sampler, label)];
                var best = Median(r.Select(x => x.BestAccuracy ?? 0));
                var epochs = Median(r.Select(x => (double)x.Epochs));
                summary.AddRow(sampler, label, F(best, "F4"), F(best - Median(none.Select(x => x.BestAccuracy ?? 0)), "+0.0000;-0.0000;0"),
                    F(r.Average(x => x.BestAccuracy ?? 0), "F4"), F(epochs, "F0"), F(epochs / Median(none.Select(x => (double)x.Epochs)), "P0"), F(Median(r.Select(x => (double)x.Pruned)), "F0"));
            }
        }
        AnsiConsole.Write(summary);

        // Equal compute: the epochs that GP-EI + ASHA used in 30 trials, spent by both treatments of pruned trials.
        var budget = (int)Median(results[("gp-ei", "asha")].Select(x => (double)x.Epochs));
        var asha = Pruners.Single(p => p.Label == "asha").Settings;
        var informed = Enumerable.Range(0, seeds).Select(s => replay.Run("gp-ei", asha, s, 10 * trials, budget)).ToList();
        var dropped = Enumerable.Range(0, seeds).Select(s => replay.Run("gp-ei", asha, s, 10 * trials, budget, dropPruned: true)).ToList();
        var wins = informed.Zip(dropped).Count(p => (p.First.BestAccuracy ?? 0) > (p.Second.BestAccuracy ?? 0));
        var ties = informed.Zip(dropped).Count(p => (p.First.BestAccuracy ?? 0) == (p.Second.BestAccuracy ?? 0));
        AnsiConsole.Write(new Table().Title($"GP-EI + ASHA at equal compute ({budget} epochs), {seeds} seeds")
            .AddColumns("pruned trials in the model", "median best final val acc", "mean best", "median trials")
            .AddRow("as an estimate of their final value", F(Median(informed.Select(x => x.BestAccuracy ?? 0)), "F4"), F(informed.Average(x => x.BestAccuracy ?? 0), "F4"), F(Median(informed.Select(x => (double)x.Trials)), "F0"))
            .AddRow("dropped (no value)", F(Median(dropped.Select(x => x.BestAccuracy ?? 0)), "F4"), F(dropped.Average(x => x.BestAccuracy ?? 0), "F4"), F(Median(dropped.Select(x => (double)x.Trials)), "F0")));
        AnsiConsole.MarkupLine($"informed better on {wins} seeds, equal on {ties}, worse on {seeds - wins - ties}");
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values) => MedianPruner.Median(values.ToList());
}
