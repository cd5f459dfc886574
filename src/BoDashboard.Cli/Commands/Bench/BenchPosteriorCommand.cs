using System.CommandLine;
using System.Diagnostics;
using BoDashboard.Benchmarks;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Service;
using BoDashboard.Cli.Runs;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench posterior`: what the study page pays to draw its heatmaps — StudyService.PosteriorAsync on a 2-D
/// study with N finished trials in SQLite (load, GP fit, next candidate, 50x50 grids), cold and cached.</summary>
public static class BenchPosteriorCommand
{
    public static Command Create()
    {
        var trials = new Option<int>("--trials") { Description = "Finished trials per study", DefaultValueFactory = _ => 200 };
        var resolution = new Option<int>("--resolution") { Description = "Grid points per axis", DefaultValueFactory = _ => 50 };
        var repeats = new Option<int>("--repeats") { Description = "Studies measured (each cold once)", DefaultValueFactory = _ => 5 };
        var command = new Command("posterior", "Time the study page's heatmap computation (GP mean, std and EI grids) through the study service");
        command.Options.Add(trials);
        command.Options.Add(resolution);
        command.Options.Add(repeats);
        command.SetAction(async (parse, ct) =>
        {
            await using var host = BenchStudyHost.Start();
            var (n, r, k) = (parse.GetValue(trials), parse.GetValue(resolution), parse.GetValue(repeats));
            var (cold, warm) = await MeasureAsync(host, n, r, k, ct);
            AnsiConsole.Write(new Table().Title($"heatmaps of a 2-D study (branin), {n} finished trials, {r}x{r}, ms")
                .AddColumns("call", "median", "min", "max")
                .AddRow("first (fit + candidate + grids)", $"{Median(cold):F1}", $"{cold.Min():F1}", $"{cold.Max():F1}")
                .AddRow("again (cached)", $"{Median(warm):F2}", $"{warm.Min():F2}", $"{warm.Max():F2}"));
            return 0;
        });
        return command;
    }

    private static async Task<(List<double> Cold, List<double> Warm)> MeasureAsync(BenchStudyHost host, int trials, int resolution, int repeats, CancellationToken ct)
    {
        var studies = host.Studies;
        var branin = AnalyticFunctions.Get("branin");
        var (cold, warm) = (new List<double>(), new List<double>());
        // The first studies only warm up the JIT (tiered compilation optimises hot loops after a few calls), so the
        // numbers are those of a dashboard that has been serving for a while.
        const int warmUp = 3;
        for (var repeat = 0; repeat < repeats + warmUp; repeat++)
        {
            // A gp-ei study, as the page draws it: the slice includes the next candidate that EI would pick.
            var study = await studies.CreateAsync(new StudyDefinition($"bench-{repeat}", new ObjectiveDefinition(ObjectiveDefinition.External), BenchStudyHost.Parameters(branin),
                new SamplerDefinition("gp-ei", Seed: repeat), "minimize", trials * 2), ct);
            await host.AddRandomTrialsAsync(study.Id, branin, trials, new Random(repeat), ct);
            var clock = Stopwatch.StartNew();
            await studies.PosteriorAsync(study.Id, "x1", "x2", resolution, ct: ct);
            var first = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await studies.PosteriorAsync(study.Id, "x1", "x2", resolution, ct: ct);
            var again = clock.Elapsed.TotalMilliseconds;
            if (repeat < warmUp) continue;
            cold.Add(first);
            warm.Add(again);
        }
        return (cold, warm);
    }

    private static double Median(List<double> values) => OptimizerBenchmark.Median(values);
}
