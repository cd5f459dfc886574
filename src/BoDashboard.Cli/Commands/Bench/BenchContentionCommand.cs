using System.CommandLine;
using System.Globalization;
using BoDashboard.Cli.Runs;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>`bench contention`: ask latency of a big external gp-ei study and the heartbeat health of a study
/// running beside it on the same SQLite database.</summary>
public static class BenchContentionCommand
{
    public static Command Create()
    {
        var history = new Option<int>("--history") { Description = "Told trials of the big study before the asks", DefaultValueFactory = _ => 2000 };
        var asks = new Option<int>("--asks") { Description = "Asks (each followed by a tell) to measure", DefaultValueFactory = _ => 5 };
        var command = new Command("contention", "Ask latency of a 2,000-trial external gp-ei study and the heartbeats of a second study beside it (SQLite)");
        command.Options.Add(history);
        command.Options.Add(asks);
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(history);
            var k = parse.GetValue(asks);
            if (n < 0 || k < 1) { Console.Error.WriteLine("--history must be at least 0 and --asks at least 1"); return 2; }
            var r = await new ContentionBenchmark().RunAsync(n, k, new Progress<string>(s => Console.Error.WriteLine(s)), ct);
            var f = CultureInfo.InvariantCulture;
            var table = new Table().Title($"ask/tell on a {r.History}-trial gp-ei study, beside a running study (SQLite)").AddColumns("what", "value");
            table.AddRow("ask latency (each, s)", string.Join(" ", r.AskSeconds.Select(s => s.ToString("F1", f))));
            table.AddRow("ask latency (median / max, s)", string.Create(f, $"{r.AskSeconds.Order().ElementAt(r.AskSeconds.Count / 2):F1} / {r.AskSeconds.Max():F1}"));
            table.AddRow($"heartbeats of the second study (every {r.Timings.HeartbeatInterval.TotalSeconds:F0} s)", r.Heartbeats.ToString(f));
            table.AddRow("  failed (threw)", r.FailedHeartbeats.ToString(f));
            table.AddRow($"  late (took > {r.Timings.HeartbeatInterval.TotalSeconds:F0} s)", r.LateHeartbeats.ToString(f));
            table.AddRow("  slowest heartbeat (s)", r.SlowestHeartbeatSeconds.ToString("F1", f));
            table.AddRow($"  longest silence of the lease (s; taken over after {r.Timings.HeartbeatTimeout.TotalSeconds:F0})", r.LongestSilenceSeconds.ToString("F1", f));
            table.AddRow("  lease lost to a take-over", r.LostLease ? "yes" : "no");
            table.AddRow("second study: trials finished meanwhile", r.SecondStudyTrials.ToString(f));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
