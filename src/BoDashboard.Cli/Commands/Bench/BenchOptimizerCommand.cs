using System.CommandLine;
using System.Globalization;
using BoDashboard.Benchmarks;
using BoDashboard.Cli.Runs;
using BoDashboard.Optimization.Samplers;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench optimizer`: suggestion latency, simple regret of each sampler, and the tutorial's 1-D run.</summary>
public static class BenchOptimizerCommand
{
    private static readonly int[] LatencySizes = [10, 25, 50, 100, 200, 400, 1000];
    private static readonly int[] Checkpoints = [10, 25, 50];
    private static readonly string[] Problems = ["branin", "hartmann6", "ackley5", "rosenbrock4"];

    public static Command Create()
    {
        var sections = new Option<string[]>("--section") { Description = "Sections to run: latency, regret, seed-1d, many-trials, parallel (default: all)", AllowMultipleArgumentsPerToken = true };
        sections.AcceptOnlyFromAmong("latency", "regret", "seed-1d", "many-trials", "parallel");
        var seeds = new Option<int>("--seeds") { Description = "Seeds per problem and sampler in the regret section, and with --suite tuning (seeds 0 to N-1; held-out seeds start at 100)", DefaultValueFactory = _ => 10 };
        var seedOneDSeeds = new Option<int>("--seed-1d-seeds") { Description = "Seeds of the 1-D section", DefaultValueFactory = _ => 20 };
        var parallelism = new Option<int>("--parallelism") { Description = "Runs at once in the quality sections (latency always runs alone)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var pending = new Option<string[]>("--pending") { Description = $"Pending-trial strategies in the parallel section: {string.Join(", ", SamplerSettings.PendingFantasies)} (default: all)", AllowMultipleArgumentsPerToken = true };
        pending.AcceptOnlyFromAmong([.. SamplerSettings.PendingFantasies]);
        var warmUp = new Option<int>("--warm-up-asks") { Description = "Untimed asks before the 3 timed ones of each many-trials study (1: a fresh process; more: then also wait until the runtime has finished compiling, as in a server that has been running)", DefaultValueFactory = _ => 1 };
        var firstSeed = new Option<int>("--first-seed") { Description = "First seed of the parallel section (tuning seeds only: seeds 100-109 are held out)", DefaultValueFactory = _ => 0 };
        var suite = new Option<string?>("--suite") { Description = "Instead of the sections: run a whole suite as studies through ask/tell, gp-ei defaults (tuning: seeds 0-9; held-out: seeds 100-109, never tuned on)" };
        suite.AcceptOnlyFromAmong([.. BenchmarkSuite.All.Select(x => x.Name)]);
        var problems = new Option<string[]>("--problems") { Description = "With --suite: run only these of its problems (default: all)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("optimizer", "Benchmark the optimisation engine");
        command.Options.Add(suite);
        command.Options.Add(problems);
        command.Options.Add(sections);
        command.Options.Add(seeds);
        command.Options.Add(seedOneDSeeds);
        command.Options.Add(parallelism);
        command.Options.Add(pending);
        command.Options.Add(warmUp);
        command.Options.Add(firstSeed);
        command.SetAction(parse =>
        {
            // Redirected output defaults to 80 columns, which folds the tables.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 132);
            if (parse.GetValue(suite) is { } suiteName)
            {
                var chosenSuite = BenchmarkSuite.All.Single(x => x.Name == suiteName);
                if (parse.GetValue(problems) is { Length: > 0 } only)
                {
                    if (only.Except(chosenSuite.Problems.Select(p => p.Problem)).ToArray() is { Length: > 0 } unknown)
                    {
                        // On stderr and as plain text: the names are the user's, and "[" in them is not markup.
                        Console.Error.WriteLine($"--problems: not in the {suiteName} suite: {string.Join(", ", unknown)}; its problems are {string.Join(", ", chosenSuite.Problems.Select(p => p.Problem))}");
                        return 2;
                    }

                    chosenSuite = chosenSuite.Only(only);
                }

                if (chosenSuite.WithSeeds(parse.GetValue(seeds)) is not { } seeded)
                {
                    Console.Error.WriteLine(suiteName == BenchmarkSuite.Tuning.Name
                        ? $"--seeds: the tuning suite takes 1 to 100 seeds (0 to N-1; seeds from 100 on are held out), got {parse.GetValue(seeds)}"
                        : $"--seeds: the {suiteName} suite runs only its own {chosenSuite.Seeds.Count} seeds ({chosenSuite.Seeds[0]}-{chosenSuite.Seeds[^1]}), got {parse.GetValue(seeds)}");
                    return 2;
                }

                chosenSuite = seeded;

                return SuiteTable.Run(chosenSuite, Math.Max(1, parse.GetValue(parallelism)));
            }

            if (parse.GetValue(seeds) < 1 || parse.GetValue(seedOneDSeeds) < 1)
            {
                Console.Error.WriteLine($"--seeds and --seed-1d-seeds must be at least 1, got {parse.GetValue(seeds)} and {parse.GetValue(seedOneDSeeds)}");
                return 2;
            }

            var chosen = parse.GetValue(sections) is { Length: > 0 } s ? s : ["latency", "regret", "seed-1d", "many-trials", "parallel"];
            var threads = Math.Max(1, parse.GetValue(parallelism));
            if (chosen.Contains("parallel") && ParallelTable.SeedError(parse.GetValue(firstSeed), parse.GetValue(seeds)) is { } seedError)
            {
                Console.Error.WriteLine(seedError);
                return 2;
            }

            if (chosen.Contains("latency"))
            {
                Latency();
            }

            if (chosen.Contains("regret"))
            {
                Regret(parse.GetValue(seeds), threads);
            }

            if (chosen.Contains("seed-1d"))
            {
                SeedOneD(parse.GetValue(seedOneDSeeds), threads);
            }

            if (chosen.Contains("many-trials"))
            {
                ManyTrials(Math.Max(1, parse.GetValue(warmUp)));
            }

            if (chosen.Contains("parallel"))
            {
                ParallelTable.Run(parse.GetValue(firstSeed), parse.GetValue(seeds), threads, parse.GetValue(pending) is { Length: > 0 } p ? p : SamplerSettings.PendingFantasies);
            }

            return 0;
        });
        return command;
    }

    private static void Latency()
    {
        var table = new Table().Title("gp-ei suggestion latency (GP fit + acquisition maximisation), ms, median of 3")
            .AddColumn("n").AddColumn("2-D (branin)", c => c.RightAligned()).AddColumn("6-D (hartmann6)", c => c.RightAligned());
        var twoD = AnalyticFunctions.Get("branin");
        var sixD = AnalyticFunctions.Get("hartmann6");
        // One untimed suggestion so JIT compilation is not measured.
        OptimizerBenchmark.SuggestionLatency(twoD, 10, 1);
        foreach (var n in LatencySizes)
        {
            table.AddRow(n.ToString(CultureInfo.InvariantCulture),
                F(OptimizerBenchmark.SuggestionLatency(twoD, n, 3), "F1"), F(OptimizerBenchmark.SuggestionLatency(sixD, n, 3), "F1"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"posterior slice 2-D (branin), n = 200, 50 x 50 grid: {F(OptimizerBenchmark.SliceLatency(200, 50), "F1")} ms (median of 3)");
    }

    private static void Regret(int seeds, int threads)
    {
        var table = new Table().Title($"simple regret, median [[IQR]] over seeds 0-{seeds - 1}")
            .AddColumn("problem").AddColumn("sampler");
        foreach (var c in Checkpoints)
        {
            table.AddColumn($"after {c}", col => col.RightAligned());
        }

        foreach (var problem in Problems)
        {
            var function = AnalyticFunctions.Get(problem);
            foreach (var sampler in SamplerRegistry.Names)
            {
                var regrets = OptimizerBenchmark.Regrets(function, sampler, Checkpoints, seeds, threads);
                var cells = new List<string> { problem, sampler };
                for (var c = 0; c < Checkpoints.Length; c++)
                {
                    var values = regrets.Select(r => r[c]).ToArray();
                    cells.Add($"{F(OptimizerBenchmark.Median(values), "G3")} [[{F(OptimizerBenchmark.Quantile(values, 0.25), "G2")}, {F(OptimizerBenchmark.Quantile(values, 0.75), "G2")}]]");
                }

                table.AddRow([.. cells]);
            }
        }

        AnsiConsole.Write(table);
    }

    private static void SeedOneD(int seeds, int threads)
    {
        var results = OptimizerBenchmark.SeedOneD(seeds, threads);
        var within = results.Count(r => r.Distance < 0.01);
        AnsiConsole.MarkupLine($"[bold]seed-1d[/], 2 initial + 14 gp-ei, xi 0.01, seeds 0-{seeds - 1}: " +
            $"{within} of {seeds} within 0.01 of x* = {OptimizerBenchmark.SeedOneDOptimumX}; " +
            $"median regret {F(OptimizerBenchmark.Median(results.Select(r => r.Regret)), "G3")}; " +
            $"median |x - x*| {F(OptimizerBenchmark.Median(results.Select(r => r.Distance)), "G3")}");
    }

    private static readonly int[] ManyTrialSizes = [500, 2000, 5000];

    private static void ManyTrials(int warmUp)
    {
        var functions = new[] { AnalyticFunctions.Get("branin"), AnalyticFunctions.Get("branin20") };
        var rows = ManyTrialSizes.ToDictionary(n => n, _ => new (double Wall, double Cpu)[functions.Length]);
        var loadBefore = AskLatencyBenchmark.LoadAverage();
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn()).Start(progress =>
        {
            var task = progress.AddTask("many-trials studies", maxValue: ManyTrialSizes.Length * functions.Length);
            var host = BenchStudyHost.Start();
            try
            {
                foreach (var n in ManyTrialSizes)
                {
                    for (var f = 0; f < functions.Length; f++)
                    {
                        task.Description = $"{functions[f].Name}, {n} trials";
                        rows[n][f] = AskLatencyBenchmark.MeasureAsync(host, functions[f], n, 3, warmUp, CancellationToken.None).GetAwaiter().GetResult();
                        task.Increment(1);
                    }
                }
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        // Plain lines rather than a table, so the figures survive any terminal width and are easy to paste.
        AnsiConsole.MarkupLine("[bold]many-trials[/]: ask latency through the study service after N completed trials (load, GP fit, acquisition, claim),");
        AnsiConsole.MarkupLine($"median of 3 asks after {warmUp} untimed, wall-clock ms (process CPU ms); goal: at most 150 ms at 2,000 and 1,000 ms at 5,000");
        AnsiConsole.MarkupLine($"load average before: {loadBefore}; after: {AskLatencyBenchmark.LoadAverage()} ({Environment.ProcessorCount} cores)");
        AnsiConsole.MarkupLine($"{"N",6}  {"2-D (branin)",18}  {"20-D (branin20)",18}");
        foreach (var n in ManyTrialSizes)
        {
            var cells = rows[n].Select(r => $"{F(r.Wall, "F0")} ({F(r.Cpu, "F0")})");
            AnsiConsole.WriteLine($"{n,6}  {string.Join("  ", cells.Select(c => $"{c,18}"))}");
        }
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
