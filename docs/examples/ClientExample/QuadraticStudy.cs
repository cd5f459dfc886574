using System.Globalization;
using BoDashboard.Client;

namespace BoDashboard.Examples;

/// <summary>Minimises f(x, y) = (x - 1)^2 + (y + 2)^2 through ask/report/tell, as a training loop would: each trial
/// reports a fake learning curve (steps 0..4, falling toward f) and stops early when the pruner says so.</summary>
public static class QuadraticStudy
{
    public const int Steps = 5;

    public static double Objective(double x, double y) => (x - 1) * (x - 1) + (y + 2) * (y + 2);

    /// <summary>The value "after" a step: above the final value, reaching it at the last step.</summary>
    public static double LearningCurve(double final, int step) => final + 0.5 * (Steps - 1 - step);

    public static StudyDefinition Definition(ExampleOptions options) => new()
    {
        Name = "quadratic from C#",
        Direction = "minimize",
        Objective = ObjectiveDefinition.External(),
        Parameters = [ParameterDefinition.Float("x", -5, 5), ParameterDefinition.Float("y", -5, 5)],
        Sampler = SamplerDefinition.GpEi(initialPoints: 5, xi: 0.01, seed: 0),
        // "none" is the server's default, so it is left out; median judges from the 4th trial on, after step 0.
        Pruner = options.Pruner switch
        {
            "none" => null,
            "median" => PrunerDefinition.Median(startupTrials: 3, warmupSteps: 1),
            var other => new PrunerDefinition { Name = other },
        },
        Budget = options.Budget,
    };

    /// <summary>Creates the study, runs its whole budget and returns the export document of the best trial.</summary>
    public static async Task<(Study Study, BestTrialExport Best)> RunAsync(BoDashboardClient client, ExampleOptions options, TextWriter output, CancellationToken ct = default)
    {
        var study = await client.CreateStudyAsync(Definition(options), ct);
        output.WriteLine($"study {study.Id} \"{study.Name}\": {study.Budget} trials");
        for (var i = 0; i < study.Budget; i++)
        {
            var trial = await client.AskAsync(study.Id, ct);
            var (x, y) = (trial.GetDouble("x"), trial.GetDouble("y"));
            var final = Objective(x, y);
            var pruned = false;
            for (var step = 0; step < Steps && !pruned; step++)
            {
                var value = LearningCurve(final, step);
                if (await client.ReportAsync(study.Id, trial.TrialId, step, value, ct))
                {
                    await client.TellPrunedAsync(study.Id, trial.TrialId, ct);
                    output.WriteLine(Invariant($"trial {trial.Number,2}: pruned at step {step} ({value:F4})  x={x:F4} y={y:F4}"));
                    pruned = true;
                }
            }
            if (pruned) continue;
            await client.TellAsync(study.Id, trial.TrialId, final, ct);
            output.WriteLine(Invariant($"trial {trial.Number,2}: {final,9:F4}  x={x:F4} y={y:F4}"));
        }

        var best = await client.GetBestAsync(study.Id, ct);
        output.WriteLine(Invariant($"best: {best.Value:F4} at x={best.GetDouble("x"):F4} y={best.GetDouble("y"):F4} (trial {best.TrialNumber}); the minimum is 0 at x=1, y=-2"));
        return (await client.GetStudyAsync(study.Id, ct), best);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
