using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BoDashboard.Cli.Runs;
using BoDashboard.Optimization;
using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Samplers;
using Spectre.Console;

namespace BoDashboard.Cli.Commands;

/// <summary>`optimize`: one optimisation run on an analytic objective, printed as a table or as JSON.</summary>
public static class OptimizeCommand
{
    public static Command Create()
    {
        var objective = new Option<string>("--objective") { Description = $"Analytic objective: {string.Join(", ", AnalyticFunctions.Names)}", DefaultValueFactory = _ => "seed-1d" };
        objective.AcceptOnlyFromAmong([.. AnalyticFunctions.Names]);
        var sampler = new Option<string>("--sampler") { Description = "Sampler: gp-ei, random or grid", DefaultValueFactory = _ => "gp-ei" };
        sampler.AcceptOnlyFromAmong([.. SamplerRegistry.Names]);
        var initPoints = new Option<int>("--init-points") { Description = "Random initial points before the GP takes over", DefaultValueFactory = _ => 5 };
        var iterations = new Option<int>("--n-iter") { Description = "Iterations after the initial points", DefaultValueFactory = _ => 25 };
        var acquisition = new Option<string>("--acquisition") { Description = "Acquisition: ei, pi or ucb", DefaultValueFactory = _ => "ei" };
        var xi = new Option<double>("--xi") { Description = "Exploration margin of EI/PI, in the objective's units", DefaultValueFactory = _ => 0.01 };
        var kappa = new Option<double>("--kappa") { Description = "Exploration weight of UCB", DefaultValueFactory = _ => 2.576 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of the table" };

        var command = new Command("optimize", "Optimise an analytic objective and print every trial");
        foreach (var option in new Option[] { objective, sampler, initPoints, iterations, acquisition, xi, kappa, seed, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var function = AnalyticFunctions.Get(parse.GetValue(objective)!);
            // In long: two large counts overflow an int, and a negative --n-iter silently shortened the run.
            var requested = (long)parse.GetValue(initPoints) + parse.GetValue(iterations);
            if (parse.GetValue(iterations) < 0 || requested > Studies.Definition.StudyDefinition.MaxBudget)
            {
                Console.Error.WriteLine($"--n-iter must be 0 or more and --init-points + --n-iter at most {Studies.Definition.StudyDefinition.MaxBudget}, got {parse.GetValue(initPoints)} + {parse.GetValue(iterations)}");
                return 2;
            }
            var evaluations = (int)requested;
            var settings = new SamplerSettings(parse.GetValue(sampler)!, parse.GetValue(initPoints), parse.GetValue(acquisition)!,
                parse.GetValue(xi), parse.GetValue(kappa), parse.GetValue(seed), Budget: evaluations);
            var errors = SamplerRegistry.Validate(settings);
            if (errors.Count > 0 || evaluations < 1)
            {
                foreach (var e in errors)
                {
                    Console.Error.WriteLine($"{e.Field}: {e.Message}");
                }

                if (evaluations < 1)
                {
                    Console.Error.WriteLine("--init-points + --n-iter must be at least 1");
                }

                return 2;
            }

            var asJson = parse.GetValue(json);
            var table = asJson ? null : NewTable(function);
            TrialRecord? best = null;
            var trials = OptimizationRun.Run(function, settings, evaluations, trial =>
            {
                var improved = best is null || function.Regret(trial.Value!.Value) < function.Regret(best.Value!.Value);
                if (improved)
                {
                    best = trial;
                }

                table?.AddRow(Row(function, trial, improved));
            });

            if (asJson)
            {
                Console.WriteLine(ToJson(trials, best!));
                return 0;
            }

            AnsiConsole.Write(table!);
            AnsiConsole.MarkupLine($"[bold]best[/] target {Format(best!.Value!.Value)} at {Markup.Escape(FormatParams(best.Params))} " +
                $"(regret {Format(function.Regret(best.Value!.Value))}, trial {best.Number})");
            return 0;
        });
        return command;
    }

    private static Table NewTable(AnalyticFunction function)
    {
        var table = new Table().AddColumn("iter").AddColumn("target");
        foreach (var p in function.Space.Parameters)
        {
            table.AddColumn(Markup.Escape(p.Name));
        }

        return table;
    }

    private static string[] Row(AnalyticFunction function, TrialRecord trial, bool improved)
    {
        var style = improved ? "bold green" : "default";
        var cells = new List<string> { $"[{style}]{trial.Number + 1}[/]", $"[{style}]{Format(trial.Value!.Value)}{(improved ? " *" : "")}[/]" };
        cells.AddRange(function.Space.Parameters.Select(p => $"[{style}]{Markup.Escape(FormatValue(trial.Params[p.Name]))}[/]"));
        return [.. cells];
    }

    private static string ToJson(IReadOnlyList<TrialRecord> trials, TrialRecord best)
    {
        var document = new
        {
            best = new { @params = best.Params, target = best.Value },
            trials = trials.Select(t => new { number = t.Number, state = t.State.ToString().ToLowerInvariant(), @params = t.Params, value = t.Value }),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string FormatValue(object v) => v is double d ? Format(d) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";

    private static string FormatParams(IReadOnlyDictionary<string, object> p) => string.Join(", ", p.Select(kv => $"{kv.Key}={FormatValue(kv.Value)}"));
}
