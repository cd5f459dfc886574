using System.Globalization;
using System.Text.Json;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;
using BoDashboard.Training.Datasets;
using BoDashboard.Training.Runs;

namespace BoDashboard.Studies.Objectives;

/// <summary>The `trial-alexnet` verb: one AlexNet training in a process of its own, speaking the trial line protocol,
/// so that libtorch is never loaded by the dashboard and a native crash or an out-of-memory kill ends one trial only.
/// Parameters come from BO_PARAMS, the study's fixed settings from <c>--objective</c>.</summary>
public static class AlexNetTrialProgram
{
    public const string Verb = "trial-alexnet";
    public const int DivergedExitCode = 3;
    public const int BadInputExitCode = 2;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>The arguments after the verb for one trial: the objective's settings and this process's torch threads.</summary>
    public static IReadOnlyList<string> Arguments(ObjectiveDefinition objective, int? threads, bool retrainAndTest = false)
    {
        var args = new List<string> { Verb, "--objective", StudyJson.Serialize(objective) };
        if (threads is { } t) args.AddRange(["--threads", t.ToString(CultureInfo.InvariantCulture)]);
        if (retrainAndTest) args.Add("--retrain-and-test");
        return args;
    }

    /// <param name="args">The arguments after the verb.</param>
    public static int Run(IReadOnlyList<string> args, ITrainer? trainer = null)
    {
        var list = args.ToList();
        string? Option(string name) => list.IndexOf(name) is var i and >= 0 && i + 1 < list.Count ? list[i + 1] : null;
        ObjectiveDefinition objective;
        IReadOnlyDictionary<string, object> parameters;
        try
        {
            objective = JsonSerializer.Deserialize<ObjectiveDefinition>(Option("--objective") ?? "{\"kind\":\"alexnet\"}", StudyJson.Options)!;
            parameters = ReadParams(Environment.GetEnvironmentVariable("BO_PARAMS"));
        }
        catch (JsonException e)
        {
            Console.Error.WriteLine($"invalid trial input: {e.Message}");
            return BadInputExitCode;
        }
        var threads = Option("--threads") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : (int?)null;
        var settings = AlexNetObjective.Settings(objective, parameters, threads);
        trainer ??= new Trainer();
        using var stop = new CancellationTokenSource();
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        try
        {
            if (list.Contains("--retrain-and-test"))
            {
                var evaluation = trainer.RetrainAndTest(settings, null, stop.Token);
                if (evaluation.TestAccuracy is not { } accuracy)
                {
                    Console.Error.WriteLine(evaluation.Training.DivergenceMessage ?? "diverged");
                    return DivergedExitCode;
                }
                Console.WriteLine(FormattableString.Invariant($"bo:result value={accuracy:R}"));
                return 0;
            }
            var result = trainer.Train(settings, ProtocolProgress(), stop.Token);
            if (result.Diverged)
            {
                Console.Error.WriteLine(result.DivergenceMessage ?? "diverged");
                return DivergedExitCode;
            }
            if (result.BestValidationAccuracy is not { } best)
            {
                Console.Error.WriteLine("training produced no validation accuracy");
                return 1;
            }
            Console.WriteLine(FormattableString.Invariant($"bo:result value={best:R}"));
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("stopped");
            return 143;
        }
        catch (Exception e) when (e is DatasetFormatException or ArgumentException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return BadInputExitCode;
        }
    }

    /// <summary>Training progress as the trial line protocol on stdout: a progress line at most every half second, a
    /// report line per epoch (step = epoch, value = validation accuracy, with train loss and accuracy as metrics).</summary>
    public static IProgress<TrainingProgress> ProtocolProgress()
    {
        var started = DateTime.UtcNow;
        var lastProgress = DateTime.MinValue;
        return new SynchronousProgress<TrainingProgress>(p =>
        {
            var now = DateTime.UtcNow;
            if (p.EpochCompleted && p.ValidationAccuracy is { } v)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"bo:report step={p.Epoch} value={v:R} train_loss={p.TrainLoss:R} train_accuracy={p.TrainAccuracy:R} learning_rate={p.LearningRate:R} seconds={(now - started).TotalSeconds:F1}"));
            }
            if (p.EpochCompleted || now - lastProgress >= ProgressEvery)
            {
                lastProgress = now;
                var done = (p.Epoch - 1) * p.BatchesPerEpoch + p.Batch;
                Console.WriteLine(FormattableString.Invariant(
                    $"bo:progress done={done} total={p.Epochs * p.BatchesPerEpoch} epoch {p.Epoch} of {p.Epochs}, batch {p.Batch} of {p.BatchesPerEpoch}, {p.ImagesPerSecond:F0} img/s"));
            }
        });
    }

    private static IReadOnlyDictionary<string, object> ReadParams(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, object>();
        var raw = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, StudyJson.Options)!;
        return raw.ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind == JsonValueKind.Number ? (object)kv.Value.GetDouble() : kv.Value.ToString());
    }
}
