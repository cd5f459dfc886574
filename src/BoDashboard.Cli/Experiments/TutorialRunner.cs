using System.Diagnostics;
using BoDashboard.Studies.Evaluation;
using BoDashboard.Studies.Service;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace BoDashboard.Cli.Experiments;

/// <summary>Runs <see cref="TutorialExperiment"/> through the study service, one study after another (so one
/// training runs at a time even when the dashboard's process shares the work), showing progress all along.</summary>
public sealed class TutorialRunner(IServiceProvider services, bool quiet)
{
    private readonly StudyService studies = services.GetRequiredService<StudyService>();
    private readonly EvaluationService evaluations = services.GetRequiredService<EvaluationService>();

    public async Task<IReadOnlyList<TutorialOutcome>> RunAsync(TutorialExperiment experiment, CancellationToken ct)
    {
        var stamp = DateTime.Now.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var finished = new List<StudyDetails>();
        foreach (var sampler in TutorialExperiment.Samplers)
        {
            // random and grid are linked to the gp-ei study, whose page then overlays the three convergence curves.
            var created = await studies.CreateAsync(experiment.Study(sampler, stamp), finished.FirstOrDefault()?.Id, ct);
            Log($"study {created.Id} ({sampler}) started: open http://127.0.0.1:5080/studies/{created.Id} to watch it");
            finished.Add(await WatchAsync(created, ct));
        }

        var outcomes = new List<TutorialOutcome>();
        foreach (var study in finished)
        {
            var best = study.BestTrialNumber is { } n ? study.Trials.Single(t => t.Number == n) : null;
            double? test = null;
            string? error = study.FailureReason;
            if (best is not null)
                (test, error) = await EvaluateAsync(study.Id, $"best", EvaluationService.Numeric(best.Params), $"retraining the best of {study.Sampler.Name}", ct);
            outcomes.Add(new TutorialOutcome(study.Sampler.Name, study.Id, study.Trials.Count, Param(best, "learning_rate"), Param(best, "weight_decay"), best?.Value, test, error));
        }
        var (defaultsTest, defaultsError) = await EvaluateAsync(finished[0].Id, "defaults", TutorialExperiment.Defaults, "retraining the defaults", ct);
        outcomes.Add(new TutorialOutcome("defaults", null, 0, TutorialExperiment.Defaults["learning_rate"], TutorialExperiment.Defaults["weight_decay"], null, defaultsTest, defaultsError));
        return outcomes;
    }

    private static double? Param(TrialDetails? trial, string name) =>
        trial is not null && trial.Params.TryGetValue(name, out var v) ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Polls the study (its trials may run in this process or in the dashboard's) until it ends.</summary>
    private async Task<StudyDetails> WatchAsync(StudyDetails study, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (quiet)
        {
            while (true)
            {
                var s = await studies.GetAsync(study.Id, ct);
                if (StudyStates.IsFinished(s.State)) return s;
                await Task.Delay(1000, ct);
            }
        }
        StudyDetails current = study;
        await AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask($"{study.Sampler.Name}: 0/{study.Budget} trials", maxValue: study.Budget);
                while (!StudyStates.IsFinished(current.State))
                {
                    await Task.Delay(1000, ct);
                    current = await studies.GetAsync(study.Id, ct);
                    var done = current.Trials.Count(t => t.State != TrialStates.Running);
                    var running = current.Trials.FirstOrDefault(t => t.State == TrialStates.Running);
                    var epochs = running?.Intermediate.Count ?? 0;
                    var total = current.Objective.Epochs ?? Training.Settings.TrainingSettings.CpuPreset.Epochs;
                    var epochFraction = running is null ? 0 : Math.Min(1, (double)epochs / total);
                    bar.Value = done + epochFraction;
                    bar.Description = $"{study.Sampler.Name}: {done}/{study.Budget} trials, best {current.BestValue?.ToString("F4") ?? "–"}"
                        + (running is null ? "" : $", trial {running.Number} epoch {epochs}");
                }
                bar.Value = bar.MaxValue;
            });
        Log($"study {study.Id} ({study.Sampler.Name}) {current.State} in {clock.Elapsed:hh\\:mm\\:ss}; best validation accuracy {current.BestValue?.ToString("F4") ?? "–"}");
        return current;
    }

    private async Task<(double? Test, string? Error)> EvaluateAsync(int studyId, string label, IReadOnlyDictionary<string, double> parameters, string what, CancellationToken ct)
    {
        var id = await evaluations.CreateAsync(studyId, label, parameters, ct);
        var runner = services.GetRequiredService<EvaluationRunner>();
        if (quiet) await runner.RunAsync(id, ct);
        else await AnsiConsole.Status().StartAsync($"{what} on train + validation, then testing…", _ => runner.RunAsync(id, ct));
        var result = (await evaluations.ListAsync(studyId, ct)).Single(e => e.Id == id);
        Log($"{what}: test accuracy {result.TestAccuracy?.ToString("F4") ?? result.Error}");
        return (result.TestAccuracy, result.Error);
    }

    private void Log(string line)
    {
        if (!quiet) AnsiConsole.MarkupLine(Markup.Escape(line));
    }
}
