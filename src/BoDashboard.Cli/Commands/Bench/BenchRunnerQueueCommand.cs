using System.CommandLine;
using System.Globalization;
using BoDashboard.Cli.Runs;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench runner-queue`: the Hangfire queue over time with more studies than job workers.</summary>
public static class BenchRunnerQueueCommand
{
    public static Command Create()
    {
        var minutes = new Option<double>("--minutes") { Description = "How long to let the studies run", DefaultValueFactory = _ => 10 };
        var studies = new Option<int>("--studies") { Description = "Running studies", DefaultValueFactory = _ => 5 };
        var workers = new Option<int>("--workers") { Description = "Hangfire job workers", DefaultValueFactory = _ => 2 };
        var parallelism = new Option<int>("--parallelism") { Description = "Parallel trials per study", DefaultValueFactory = _ => 2 };
        var command = new Command("runner-queue", "Hangfire queue length while 5 studies share 2 job workers for 10 minutes (SQLite)");
        foreach (var option in new Option[] { minutes, studies, workers, parallelism }) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var duration = TimeSpan.FromMinutes(parse.GetValue(minutes));
            if (duration <= TimeSpan.Zero || parse.GetValue(studies) < 1 || parse.GetValue(workers) < 1 || parse.GetValue(parallelism) < 1)
            {
                Console.Error.WriteLine("--minutes must be positive and --studies, --workers and --parallelism at least 1");
                return 2;
            }
            var r = await new RunnerQueueBenchmark().RunAsync(parse.GetValue(studies), parse.GetValue(parallelism), parse.GetValue(workers), duration,
                new Progress<string>(s => Console.Error.WriteLine(s)), ct);
            var f = CultureInfo.InvariantCulture;
            var table = new Table().Title($"{r.Studies} studies of parallelism {r.Parallelism} (20 s trials), {r.JobWorkers} job workers, recovery every {r.Timings.RecoveryInterval.TotalSeconds:F0} s")
                .AddColumns("minutes", "enqueued jobs", "processing jobs");
            foreach (var (m, enqueued, processing) in r.Samples) table.AddRow(m.ToString("F1", f), enqueued.ToString(f), processing.ToString(f));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
