using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Processes;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;

namespace BoDashboard.Studies.Objectives;

/// <summary>Trains the AlexNet with a trial's hyperparameters; the value is the best validation accuracy over the
/// epochs (the tutorial's objective). A diverging run fails the trial with "diverged".</summary>
public sealed class AlexNetObjective(ObjectiveDefinition definition, AlexNetObjectiveOptions options, ProcessTrial processes, TrialProcessOptions processOptions) : IObjective
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

    /// <summary>Trains in a child process (the `trial-alexnet` verb of this program) through the same mechanism as
    /// command objectives: its epochs arrive as intermediate values, a crash fails this trial only.</summary>
    public async Task<ObjectiveOutcome> EvaluateAsync(TrialContext trial, ITrialReporter reporter, CancellationToken cancellationToken)
    {
        await options.TrainingGate.WaitAsync(cancellationToken);
        try
        {
            var launch = Launch(processOptions, AlexNetTrialProgram.Arguments(definition, options.Threads), trial);
            return DivergenceAsFailure(await processes.RunAsync(launch, reporter, cancellationToken));
        }
        finally
        {
            options.TrainingGate.Release();
        }
    }

    /// <summary>A diverged run (exit code 3) fails with the trainer's own message, "diverged: ...".</summary>
    public static ObjectiveOutcome DivergenceAsFailure(ObjectiveOutcome outcome)
    {
        if (outcome.Error is not { } error || !error.Contains($"exited with code {AlexNetTrialProgram.DivergedExitCode}", StringComparison.Ordinal))
            return outcome;
        var line = error.Split('\n').LastOrDefault(l => l.StartsWith("diverged", StringComparison.Ordinal));
        return line is null ? outcome : ObjectiveOutcome.Failure(line);
    }

    /// <summary>This program's own verb as a trial process, with the BO_ variables of any trial command and an OpenMP
    /// wait policy that survives a busy core (<see cref="OpenMpEnvironment"/>) unless this process's environment sets
    /// one (<paramref name="userVariable"/>: how to read it; default: this process's environment).</summary>
    public static TrialLaunch Launch(TrialProcessOptions options, IReadOnlyList<string> verbArguments, TrialContext trial,
        Func<string, string?>? userVariable = null)
    {
        var environment = new Dictionary<string, string>(OpenMpEnvironment.ToAdd(userVariable ?? Environment.GetEnvironmentVariable), StringComparer.Ordinal);
        foreach (var (name, value) in Commands.TrialCommandLine.Variables(trial)) environment[name] = value;
        return new(options.Host.Executable, [.. options.Host.PrefixArguments, .. verbArguments], options.BaseDirectory,
            environment, null, Path.Combine(trial.Directory, "trial.log"));
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
        // Without .NET's " (Parameter 'Epochs')" suffix: the message already starts with the setting's name.
        catch (ArgumentException e) { errors.Add(new(field, e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal))); }
    }
}
