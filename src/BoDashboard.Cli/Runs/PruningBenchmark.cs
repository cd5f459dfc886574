using System.Globalization;
using BoDashboard.Optimization.Pruners;
using Spectre.Console;

namespace BoDashboard.Cli.Runs;

/// <summary>The tables of `bench pruning`: per sampler and pruner, the median best final validation accuracy and the
/// epochs used over the seeds; then GP-EI with ASHA whose pruned trials inform the model against the same with pruned
/// trials dropped, at equal compute (the same epoch budget).</summary>
public static class PruningBenchmark
{
    /// <summary>The goal's tolerance: a pruner's best within this much of no pruning's.</summary>
    public const double Tolerance = 0.003;

    public static readonly (string Label, PrunerSettings Settings)[] Pruners =
    [
        ("none", new PrunerSettings("none")),
        // Pruners as a study gets them by name: median plain, asha and hyperband noise-aware (PrunerSettings.SparesNearEquals).
        ("median", new PrunerSettings("median", StartupTrials: 5, WarmupSteps: 1)),
        ("asha", new PrunerSettings("asha", MinResource: 1, ReductionFactor: 3)),
        ("hyperband", new PrunerSettings("hyperband", MinResource: 1, MaxResource: 6, ReductionFactor: 3)),
        // The other choice of each, to show what the noise margin does.
        ("median, noise-aware", new PrunerSettings("median", StartupTrials: 5, WarmupSteps: 1, NoiseAware: true)),
        ("asha, plain cut-off", new PrunerSettings("asha", MinResource: 1, ReductionFactor: 3, NoiseAware: false)),
        ("hyperband, plain cut-offs", new PrunerSettings("hyperband", MinResource: 1, MaxResource: 6, ReductionFactor: 3, NoiseAware: false)),
        // ASHA with the default reduction factor of Optuna's SuccessiveHalvingPruner and Ray Tune's ASHA (4: the top
        // quarter goes on, rungs at steps 1, 4, 16, ...), where the product's default is Hyperband's 3.
        ("asha, factor 4", new PrunerSettings("asha", MinResource: 1, ReductionFactor: 4)),
    ];

    /// <param name="only">Labels of <see cref="Pruners"/> to run (none always runs); all when empty.</param>
    public static void Print(LearningCurveTable table, int seeds, int trials, bool markdown, IReadOnlyCollection<string> only, CancellationToken ct)
    {
        var replay = new PruningReplay(table);
        var ceiling = table.Curves.Where(c => !c.Diverged && c.Accuracies.Count > 0).Max(c => c.Accuracies.Max());
        AnsiConsole.MarkupLine($"{table.Curves.Count} recorded configurations, {table.Epochs} epochs each; best recorded final accuracy {ceiling:F4}; " +
                               $"{seeds} seeds x {trials} trials per combination");
        var results = new Dictionary<(string, string), List<ReplayResult>>();
        // Hyperband's largest budget is a whole trial: the table's epochs (6 for the shipped tables).
        var chosen = Pruners.Where(p => p.Label == "none" || only.Count == 0 || only.Contains(p.Label))
            .Select(p => (p.Label, Settings: p.Settings.Name == "hyperband" ? p.Settings with { MaxResource = table.Epochs } : p.Settings)).ToArray();
        AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask("replaying studies", maxValue: 2 * chosen.Length * seeds);
                foreach (var sampler in new[] { "gp-ei", "random" })
                foreach (var (label, settings) in chosen)
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

        string[] columns = ["sampler", "pruner", "best final val acc", "gap to none", "mean best", $"seeds within {Tolerance:F3} of none", "epochs used", "share of none's epochs", "pruned trials", "configurations run"];
        var rows = new List<string[]>();
        foreach (var sampler in new[] { "gp-ei", "random" })
        {
            var none = results[(sampler, "none")];
            foreach (var (label, _) in chosen)
            {
                var r = results[(sampler, label)];
                var best = Median(r.Select(x => x.BestAccuracy ?? 0));
                var epochs = Median(r.Select(x => (double)x.Epochs));
                var noneMedian = Median(none.Select(x => x.BestAccuracy ?? 0));
                // The goal per seed: how many studies end within the tolerance of no pruning's median best (the median
                // over 20 seeds moves by a whole step of the table's discrete values when one seed changes side).
                var within = SeedsWithin(r, noneMedian);
                rows.Add([sampler, label, F(best, "F4"), F(best - noneMedian, "+0.0000;-0.0000;0"),
                    F(r.Average(x => x.BestAccuracy ?? 0), "F4"), $"{within} / {r.Count}", F(epochs, "F0"), F(epochs / Median(none.Select(x => (double)x.Epochs)), "P0"),
                    F(Median(r.Select(x => (double)x.Pruned)), "F0"), F(Median(r.Select(x => (double)x.Distinct)), "F0")]);
            }
        }
        Render($"bench pruning: median over {seeds} seeds of {trials} trials", columns, rows, markdown);

        // How pruned trials enter the GP, for the two pruners the goal names (and ASHA plain): at 30 trials, and at equal compute (the
        // epochs GP-EI + ASHA used in 30 trials, spent by every treatment).
        var treatments = new[]
        {
            (PrunedAs.Forecast, "learning-curve forecast (the product)"), (PrunedAs.MedianGain, "last value + median gain of completed trials"),
            (PrunedAs.Dropped, "dropped (no value)"), (PrunedAs.TrueFinal, "their true final value (replay only: the upper bound)"),
        };
        var noneBest = Median(results[("gp-ei", "none")].Select(x => x.BestAccuracy ?? 0));
        var treatmentRows = new List<string[]>();
        foreach (var label in new[] { "median", "asha", "asha, plain cut-off" }.Where(l => results.ContainsKey(("gp-ei", l))))
        {
            var settings = chosen.Single(p => p.Label == label).Settings;
            var runs = treatments.Select(t => t.Item1 == PrunedAs.Forecast ? results[("gp-ei", label)]
                : Enumerable.Range(0, seeds).Select(s => replay.Run("gp-ei", settings, s, trials, prunedAs: t.Item1)).ToList()).ToList();
            treatmentRows.AddRange(treatments.Select((t, i) => Row(label, t.Item2, runs[i], noneBest, runs[2])));
        }
        if (results.ContainsKey(("gp-ei", "asha")))
        {
            var budget = (int)Median(results[("gp-ei", "asha")].Select(x => (double)x.Epochs));
            var asha = chosen.Single(p => p.Label == "asha").Settings;
            var runs = treatments.Select(t => Enumerable.Range(0, seeds).Select(s => replay.Run("gp-ei", asha, s, 10 * trials, budget, t.Item1)).ToList()).ToList();
            treatmentRows.AddRange(treatments.Select((t, i) => Row($"asha, equal compute ({budget} epochs)", t.Item2, runs[i], noneBest, runs[2])));
        }
        var errorRows = results.Where(r => r.Key.Item2 != "none").Select(r =>
        {
            var e = r.Value.SelectMany(x => x.Estimates).Where(x => double.IsFinite(x.Forecast) && double.IsFinite(x.MedianGain)).ToList();
            return new[]
            {
                r.Key.Item1, r.Key.Item2, F(e.Count, "F0"), F(e.Count == 0 ? 0 : e.Average(x => Math.Abs(x.Forecast - x.TrueFinal)), "F4"),
                F(e.Count == 0 ? 0 : e.Average(x => Math.Abs(x.MedianGain - x.TrueFinal)), "F4"),
                F(e.Count == 0 ? 0 : e.Average(x => x.Forecast - x.TrueFinal), "+0.0000;-0.0000"), F(e.Count == 0 ? 0 : e.Average(x => x.MedianGain - x.TrueFinal), "+0.0000;-0.0000"),
            };
        }).ToList();
        Render("Estimates of pruned trials' final values against the table's (end of each study)",
            ["sampler", "pruner", "pruned trials", "forecast: mean abs error", "median gain: mean abs error", "forecast: bias", "median gain: bias"], errorRows, markdown);
        Render($"GP-EI: pruned trials in the model, {seeds} seeds", ["pruner", "pruned trials enter the GP as", "best final val acc", "gap to GP-EI without pruning", "mean best", "epochs used", "trials", "seeds better / equal / worse than dropped"],
            treatmentRows, markdown);
    }

    /// <summary>How many of <paramref name="runs"/> ended within <see cref="Tolerance"/> of <paramref name="reference"/>
    /// (a study without a completed trial never does).</summary>
    public static int SeedsWithin(IEnumerable<ReplayResult> runs, double reference) =>
        runs.Count(x => x.BestAccuracy is { } best && best >= reference - Tolerance - 1e-9);

    private static string[] Row(string pruner, string treatment, List<ReplayResult> r, double noneBest, List<ReplayResult> dropped)
    {
        var pairs = r.Zip(dropped, (a, b) => Math.Sign((a.BestAccuracy ?? 0) - (b.BestAccuracy ?? 0))).ToList();
        var best = Median(r.Select(x => x.BestAccuracy ?? 0));
        return [pruner, treatment, F(best, "F4"), F(best - noneBest, "+0.0000;-0.0000;0"), F(r.Average(x => x.BestAccuracy ?? 0), "F4"),
            F(Median(r.Select(x => (double)x.Epochs)), "F0"), F(Median(r.Select(x => (double)x.Trials)), "F0"),
            $"{pairs.Count(p => p > 0)} / {pairs.Count(p => p == 0)} / {pairs.Count(p => p < 0)}"];
    }

    /// <summary>A console table, or with <paramref name="markdown"/> rows to paste into docs/benchmarks.md.</summary>
    private static void Render(string title, string[] columns, List<string[]> rows, bool markdown)
    {
        if (markdown)
        {
            Console.WriteLine();
            Console.WriteLine(title);
            Console.WriteLine();
            Console.WriteLine("| " + string.Join(" | ", columns) + " |");
            Console.WriteLine("|" + string.Concat(columns.Select(_ => " --- |")));
            foreach (var row in rows) Console.WriteLine("| " + string.Join(" | ", row) + " |");
            return;
        }
        var table = new Table().Title(title).AddColumns(columns);
        foreach (var row in rows) table.AddRow(row);
        AnsiConsole.Write(table);
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values) => MedianPruner.Median(values.ToList());
}
