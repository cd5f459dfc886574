using BoDashboard.Cli.Runs;
using Spectre.Console;

namespace BoDashboard.Cli.Commands.Bench;

/// <summary>Prints `bench training --under-load`: images/s per policy and load, then the criteria for each policy.</summary>
public static class UnderLoadTable
{
    public static void Print(UnderLoadReport report)
    {
        var policies = TrainingThreadPolicy.All;
        var table = new Table().Title($"training images/s, compact AlexNet, {report.TrainImages} images, batch 32, {report.Cores} cores (2 trials: mean of the two; final threads in brackets)")
            .AddColumn("load");
        foreach (var policy in policies) table.AddColumn(Markup.Escape(policy.Name));
        foreach (var condition in Enum.GetValues<LoadCondition>())
        {
            table.AddRow([TrainingUnderLoadBenchmark.Describe(condition), .. policies.Select(p =>
            {
                var run = report.Runs.Single(r => r.Policy == p && r.Condition == condition);
                return $"{run.ImagesPerSecond:F0} ({string.Join(", ", run.FinalThreads)})";
            })]);
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"OpenMP environment of the non-old policies: {Markup.Escape(report.OpenMpEnvironment)}; load average {Markup.Escape(report.LoadAverages)}");

        AnsiConsole.MarkupLine($"share: the policy's idle img/s times the part of the machine left to one trial; criteria: img/s >= {UnderLoadReport.ShareFraction:P0} of the share, "
            + $"and >= 1-thread img/s under the same load (less {UnderLoadReport.OneThreadTolerance:P0} for noise)");
        var criteria = new Table().Title("under load: against the share, one thread, and the old behaviour")
            .AddColumns("policy", "load", "img/s", "share", "/share", "1 thr", "/1 thr", "/old", "ok");
        foreach (var policy in policies.Where(p => p != TrainingThreadPolicy.OneThread))
        {
            foreach (var condition in new[] { LoadCondition.CoreBusy, LoadCondition.TwoTrials })
            {
                var v = report.Verdict(policy, condition);
                var old = report.ImagesPerSecond(TrainingThreadPolicy.Old, condition);
                criteria.AddRow(Markup.Escape(policy.Name), TrainingUnderLoadBenchmark.Describe(condition), $"{v.ImagesPerSecond:F0}", $"{v.IdleShare:F0}",
                    Mark($"{v.ShareRatio:P0}", v.MeetsShare), $"{v.OneThreadImagesPerSecond:F0}", Mark($"{v.OneThreadRatio:P0}", v.MeetsOneThread),
                    $"{v.ImagesPerSecond / old:F2}x", v.MeetsShare && v.MeetsOneThread ? "[green]yes[/]" : "[red]no[/]");
            }
        }
        AnsiConsole.Write(criteria);
    }

    private static string Mark(string text, bool met) => met ? $"[green]{text}[/]" : $"[red]{text}[/]";
}
