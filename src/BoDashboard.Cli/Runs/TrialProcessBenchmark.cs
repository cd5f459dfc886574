using System.Diagnostics;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Processes;
using BoDashboard.Training.Datasets;
using BoDashboard.Training.Settings;

namespace BoDashboard.Cli.Runs;

/// <summary>What running every trial in its own process costs: starting the guard and a program, loading libtorch,
/// loading the dataset, against a whole trial of the CPU preset run the same way the dashboard runs it.</summary>
public sealed class TrialProcessBenchmark
{
    public sealed record Report(double ProcessStartMs, double TorchLoadMs, double DatasetLoadMs, double TinyTrialSeconds, double? PresetTrialSeconds, double? PresetAccuracy);

    public Report Run(bool preset, IProgress<string> progress, CancellationToken ct)
    {
        // Loading torch and the dataset in this process first: the cold costs a trial process pays each time.
        progress.Report("loading libtorch");
        var clock = Stopwatch.StartNew();
        using (var _ = TorchSharp.torch.ones(1)) { }
        var torchMs = clock.Elapsed.TotalMilliseconds;
        progress.Report("loading the dataset");
        clock.Restart();
        DatasetLoader.Load(TrainingSettings.CpuPreset.Dataset);
        var datasetMs = clock.Elapsed.TotalMilliseconds;

        var options = new TrialProcessOptions(TrialHost.ForThisProcess(), TrialProcessOptions.DefaultStopGrace, Directory.GetCurrentDirectory());
        var processes = new ProcessTrial(options);
        var folder = Directory.CreateTempSubdirectory("bodashboard-bench-").FullName;
        try
        {
            progress.Report("starting trial processes");
            var starts = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                // The guard and a program that does nothing: what every trial pays before its own work starts.
                var launch = new TrialLaunch("true", [], folder, new Dictionary<string, string>(), null, Path.Combine(folder, $"start-{i}.log"));
                clock.Restart();
                processes.RunAsync(launch, SilentTrialReporter.Instance, ct).GetAwaiter().GetResult();
                starts.Add(clock.Elapsed.TotalMilliseconds);
            }

            progress.Report("one tiny AlexNet trial (64 images, 1 epoch)");
            var tiny = Trial(processes, options, new ObjectiveDefinition("alexnet", Epochs: 1, TrainSubset: 64), folder, ct);
            (double Seconds, ObjectiveOutcome Outcome)? full = null;
            if (preset)
            {
                progress.Report("one AlexNet trial of the CPU preset");
                full = Trial(processes, options, new ObjectiveDefinition("alexnet"), folder, ct);
            }
            return new Report(starts.Order().ElementAt(starts.Count / 2), torchMs, datasetMs, tiny.Seconds, full?.Seconds, full?.Outcome.Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Seconds, ObjectiveOutcome Outcome) Trial(ProcessTrial processes, TrialProcessOptions options, ObjectiveDefinition objective, string folder, CancellationToken ct)
    {
        var parameters = new Dictionary<string, object> { ["learning_rate"] = 0.01, ["weight_decay"] = 0.0005 };
        var trial = new TrialContext(0, 0, parameters, folder);
        var clock = Stopwatch.StartNew();
        var outcome = processes.RunAsync(AlexNetObjective.Launch(options, AlexNetTrialProgram.Arguments(objective, null), trial), SilentTrialReporter.Instance, ct).GetAwaiter().GetResult();
        if (outcome.Error is { } error) throw new InvalidOperationException($"the benchmark trial failed: {error}");
        return (clock.Elapsed.TotalSeconds, outcome);
    }
}
