using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Definition;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;

namespace BoDashboard.Studies.Objectives;

/// <summary>Trains the AlexNet with a trial's hyperparameters; the value is the best validation accuracy over the
/// epochs (the tutorial's objective). A diverging run fails the trial with "diverged".</summary>
public sealed class AlexNetObjective(ObjectiveDefinition definition, AlexNetObjectiveOptions options) : IObjective
{
    /// <summary>Parameter names a study may search, and whether they must be integers.</summary>
    public static readonly IReadOnlyDictionary<string, bool> SearchableParameters = new Dictionary<string, bool>
    {
        ["learning_rate"] = false,
        ["weight_decay"] = false,
        ["momentum"] = false,
        ["dropout"] = false,
        ["batch_size"] = true,
        ["epochs"] = true,
    };

    public async Task<ObjectiveOutcome> EvaluateAsync(IReadOnlyDictionary<string, object> parameters, IProgress<TrialProgress> progress, CancellationToken cancellationToken)
    {
        var settings = Settings(definition, parameters, options.Threads);
        await options.TrainingGate.WaitAsync(cancellationToken);
        try
        {
            var started = DateTime.UtcNow;
            var trainingProgress = new SynchronousProgress<TrainingProgress>(p => progress.Report(new TrialProgress(
                p.Epoch, p.Epochs, p.Batch, p.BatchesPerEpoch,
                p.EpochCompleted
                    ? new EpochPoint(p.Epoch, p.Epochs, p.TrainLoss, p.TrainAccuracy, p.ValidationAccuracy, p.LearningRate, (DateTime.UtcNow - started).TotalSeconds)
                    : null)));
            // Training is synchronous and long: keep it off the thread pool's short-task threads.
            var result = await Task.Factory.StartNew(
                () => options.Trainer.Train(settings, trainingProgress, cancellationToken),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (result.Diverged) return ObjectiveOutcome.Failure($"diverged: {result.DivergenceMessage}");
            return result.BestValidationAccuracy is { } best
                ? ObjectiveOutcome.Success(best)
                : ObjectiveOutcome.Failure("training produced no validation accuracy");
        }
        finally
        {
            options.TrainingGate.Release();
        }
    }

    /// <summary>The training settings of one trial: the study's fixed settings, then the trial's parameters.</summary>
    public static TrainingSettings Settings(ObjectiveDefinition d, IReadOnlyDictionary<string, object> parameters, int? threads)
    {
        var preset = TrainingSettings.CpuPreset;
        var dataset = preset.Dataset with
        {
            Kind = d.Dataset is null ? preset.Dataset.Kind : SettingNames.ParseDataset(d.Dataset),
            Path = d.DatasetPath ?? preset.Dataset.Path,
            TrainSubsetSize = d.TrainSubset ?? preset.Dataset.TrainSubsetSize,
        };
        var model = d.Model is null ? preset.Model : preset.Model with { Kind = SettingNames.ParseModel(d.Model) };
        var s = preset with
        {
            Dataset = dataset,
            Model = model,
            Epochs = d.Epochs ?? preset.Epochs,
            BatchSize = d.BatchSize ?? preset.BatchSize,
            LearningRate = d.LearningRate ?? preset.LearningRate,
            WeightDecay = d.WeightDecay ?? preset.WeightDecay,
            Momentum = d.Momentum ?? preset.Momentum,
            Dropout = d.Dropout ?? preset.Dropout,
            Seed = d.Seed ?? preset.Seed,
            Threads = threads ?? preset.Threads,
        };
        foreach (var (name, value) in parameters)
        {
            var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            s = name switch
            {
                "learning_rate" => s with { LearningRate = number },
                "weight_decay" => s with { WeightDecay = number },
                "momentum" => s with { Momentum = number },
                "dropout" => s with { Dropout = number },
                "batch_size" => s with { BatchSize = (int)number },
                "epochs" => s with { Epochs = (int)number },
                _ => s,
            };
        }
        return s;
    }

    public static IEnumerable<ValidationError> ValidateSettings(ObjectiveDefinition d)
    {
        var errors = new List<ValidationError>();
        Try(() => { if (d.Dataset is not null) SettingNames.ParseDataset(d.Dataset); }, "objective.dataset", errors);
        Try(() => { if (d.Model is not null) SettingNames.ParseModel(d.Model); }, "objective.model", errors);
        if (errors.Count > 0) return errors;
        Try(() => Settings(d, new Dictionary<string, object>(), null).Validate(), "objective", errors);
        if (d.Dataset == "image-folder" && string.IsNullOrWhiteSpace(d.DatasetPath))
            errors.Add(new("objective.datasetPath", "an image-folder dataset needs the folder's path"));
        return errors;
    }

    public static IEnumerable<ValidationError> ValidateParameters(IReadOnlyList<ParameterSpec> specs)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            if (!SearchableParameters.TryGetValue(spec.Name, out var mustBeInt))
                yield return new($"parameters[{i}].name", $"the alexnet objective does not use '{spec.Name}'; it searches {string.Join(", ", SearchableParameters.Keys)}");
            else if (mustBeInt && spec is not IntParameter)
                yield return new($"parameters[{i}].type", $"'{spec.Name}' must be an int parameter");
            else if (spec is CategoricalParameter)
                yield return new($"parameters[{i}].type", $"'{spec.Name}' must be numeric");
        }
    }

    private static void Try(Action check, string field, List<ValidationError> errors)
    {
        try { check(); }
        catch (ArgumentException e) { errors.Add(new(field, e.Message)); }
    }
}
