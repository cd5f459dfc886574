using BoDashboard.Studies.Objectives;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;

namespace BoDashboard.Cli.Runs;

/// <summary>Records the learning-curve table that `bench pruning` replays: configurations drawn log-uniformly in
/// (1e-5, 0.1) for learning rate and weight decay from a fixed seed, each trained with the CPU preset's recipe for a
/// given number of epochs (the preset itself is shorter than the 6 epochs pruning needs to have something to stop).
/// Appends row by row, so an interrupted recording continues where it stopped; shards (configurations i with
/// i mod count = shard) let several processes record into the same file at once, one line per append.</summary>
public sealed class LearningCurveRecorder(ITrainer trainer)
{
    public const double Low = 1e-5;
    public const double High = 0.1;

    public static IReadOnlyList<(double LearningRate, double WeightDecay)> Configurations(int count, int seed)
    {
        var random = new Random(seed);
        double LogUniform() => Math.Pow(10, Math.Log10(Low) + random.NextDouble() * (Math.Log10(High) - Math.Log10(Low)));
        return Enumerable.Range(0, count).Select(_ => (LogUniform(), LogUniform())).ToList();
    }

    /// <param name="progress">Called after each configuration with (done, total, the curve).</param>
    public void Record(string path, int count, LearningCurveRecording recording, (int Index, int Count) shard,
        Action<int, int, RecordedCurve> progress, CancellationToken ct)
    {
        var epochs = recording.Epochs;
        // A file with only its header (another shard just created it) has nothing done yet.
        var done = File.Exists(path) && File.ReadLines(path).Skip(1).Any(l => l.Length > 0)
            ? LearningCurveTable.Read(path).Curves.Select(c => c.Index).ToHashSet()
            : [];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path)) File.WriteAllText(path, LearningCurveTable.Header(epochs) + "\n");
        var configurations = Configurations(count, recording.Seed);
        for (var i = 0; i < configurations.Count; i++)
        {
            if (done.Contains(i) || i % shard.Count != shard.Index) continue;
            ct.ThrowIfCancellationRequested();
            var (lr, wd) = configurations[i];
            var objective = new Studies.Definition.ObjectiveDefinition("alexnet", TrainSubset: recording.TrainSubset, Epochs: epochs);
            var settings = AlexNetObjective.Settings(objective, new Dictionary<string, object> { ["learning_rate"] = lr, ["weight_decay"] = wd }, recording.Threads);
            if (recording.ValidationFraction is { } fraction)
                settings = settings with { Dataset = settings.Dataset with { ValidationFraction = fraction } };
            if (recording.Seed != 0)
                settings = settings with { Seed = recording.Seed, Dataset = settings.Dataset with { SplitSeed = recording.Seed } };
            var result = trainer.Train(settings, null, ct);
            var curve = new RecordedCurve(i, lr, wd, result.Diverged, result.Seconds,
                result.Curve.Select(e => e.ValidationAccuracy ?? double.NaN).Where(double.IsFinite).ToList());
            File.AppendAllText(path, LearningCurveTable.Row(curve, epochs) + "\n");
            progress(i + 1, configurations.Count, curve);
        }
    }
}
