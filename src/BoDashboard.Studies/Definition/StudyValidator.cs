using BoDashboard.Optimization;
using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Pruners;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Objectives;

namespace BoDashboard.Studies.Definition;

/// <summary>The one validator of study definitions, used by the REST API, the New study form and the CLI, so
/// that all three give the same messages. Every message names the field it is about.</summary>
public static class StudyValidator
{
    public static readonly IReadOnlyList<string> ParameterTypes = ["float", "int", "categorical"];

    public static IReadOnlyList<ValidationError> Validate(StudyDefinition? definition)
    {
        var (_, errors) = TryValidate(definition, isNew: true);
        return errors;
    }

    /// <summary>Validates and normalises a new study; throws <see cref="StudyValidationException"/> listing every problem.</summary>
    public static ValidatedStudy ValidateOrThrow(StudyDefinition? definition)
    {
        var (study, errors) = TryValidate(definition, isNew: true);
        return study ?? throw new StudyValidationException(errors);
    }

    /// <summary>Rebuilds a stored study: every rule but the size limits of new studies
    /// (<see cref="SearchSpace.ValidateSizes"/>), so a study stored before a limit existed still opens.</summary>
    public static ValidatedStudy ValidateStored(StudyDefinition definition)
    {
        var (study, errors) = TryValidate(definition, isNew: false);
        return study ?? throw new StudyValidationException(errors);
    }

    private static (ValidatedStudy? Study, IReadOnlyList<ValidationError> Errors) TryValidate(StudyDefinition? d, bool isNew)
    {
        var errors = new List<ValidationError>();
        if (d is null) return (null, [new ValidationError("body", "a study definition is required")]);

        if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(new("name", "a name is required"));
        else if (d.Name.Length > 200) errors.Add(new("name", "at most 200 characters"));
        else if (isNew && d.Name.Any(char.IsControl)) errors.Add(new("name", "must not contain control characters (NUL, line breaks, tabs...)"));
        if (d.Budget is < 1 or > StudyDefinition.MaxBudget)
            errors.Add(new("budget", $"must be between 1 and {StudyDefinition.MaxBudget}, got {d.Budget}"));
        if (d.Parallelism is < 1 or > StudyDefinition.MaxParallelism)
            errors.Add(new("parallelism", $"must be between 1 and {StudyDefinition.MaxParallelism}, got {d.Parallelism}"));
        if (d.MaxConsecutiveFailures < 1)
            errors.Add(new("maxConsecutiveFailures", "must be at least 1"));

        var objective = d.Objective;
        AnalyticFunction? function = null;
        if (objective is null)
        {
            errors.Add(new("objective", "an objective is required"));
        }
        else if (!ObjectiveDefinition.Kinds.Contains(objective.Kind))
        {
            errors.Add(new("objective.kind", $"unknown objective kind '{objective.Kind}'; expected one of {string.Join(", ", ObjectiveDefinition.Kinds)}"));
        }
        else if (objective.Kind == ObjectiveDefinition.Analytic)
        {
            if (objective.Function is null || !AnalyticFunctions.Names.Contains(objective.Function))
                errors.Add(new("objective.function", $"unknown function '{objective.Function}'; expected one of {string.Join(", ", AnalyticFunctions.Names)}"));
            else
                function = AnalyticFunctions.Get(objective.Function);
            if (objective.DelaySeconds is < 0 or > 3600)
                errors.Add(new("objective.delaySeconds", "must be between 0 and 3600"));
        }
        else if (objective.Kind == ObjectiveDefinition.AlexNet)
        {
            errors.AddRange(AlexNetObjective.ValidateSettings(objective));
        }
        else if (objective.Kind == ObjectiveDefinition.CommandKind && string.IsNullOrWhiteSpace(objective.Command))
        {
            // Whether the name is configured is the server's question (CommandCatalog), asked when a study is created.
            errors.Add(new("objective.command", "a command objective names one of the commands configured on the server"));
        }

        var direction = ParseDirection(d.Direction, function, errors);
        var specs = ToSpecs(d.Parameters, function, errors);
        if (specs is not null) errors.AddRange(SearchSpace.Validate(specs));
        if (specs is not null && isNew) errors.AddRange(SearchSpace.ValidateSizes(specs));
        if (specs is not null && objective?.Kind == ObjectiveDefinition.AlexNet)
            errors.AddRange(AlexNetObjective.ValidateParameters(specs));
        if (specs is not null && function is not null)
            errors.AddRange(ValidateAgainstFunction(specs, function));

        var s = d.Sampler ?? new SamplerDefinition();
        // Stored before this setting existed, or sent without it: the believer.
        s = s with { Pending = s.Pending?.ToLowerInvariant() ?? SamplerSettings.Believer };
        var sampler = new SamplerSettings(s.Name, s.InitialPoints, s.Acquisition, s.Xi, s.Kappa, s.Seed, d.Budget, PendingFantasy: s.Pending);
        errors.AddRange(SamplerRegistry.Validate(sampler).Select(e => e with { Field = Prefix("sampler", e.Field) }));
        var (prunerDefinition, pruner) = Pruner(d.Pruner, objective, errors);

        if (errors.Count > 0 || specs is null) return (null, errors);
        var normalised = d with
        {
            Sampler = s,
            Direction = direction == Direction.Minimize ? "minimize" : "maximize",
            Parameters = specs.Select(ToDefinition).ToList(),
            Pruner = prunerDefinition,
        };
        return (new ValidatedStudy(normalised, direction, new SearchSpace(specs), sampler, pruner), errors);
    }

    /// <summary>The pruner with its defaults filled in; hyperband's maxResource defaults to an AlexNet study's epochs.</summary>
    private static (PrunerDefinition Definition, PrunerSettings Settings) Pruner(PrunerDefinition? p, ObjectiveDefinition? objective, List<ValidationError> errors)
    {
        p ??= new PrunerDefinition();
        var name = p.Name?.ToLowerInvariant() ?? "none";
        int? maxResource = p.MaxResource;
        if (name == "hyperband" && maxResource is null)
        {
            if (objective?.Kind == ObjectiveDefinition.AlexNet) maxResource = objective.Epochs ?? Training.Settings.TrainingSettings.CpuPreset.Epochs;
            else errors.Add(new("pruner.maxResource", "hyperband needs maxResource: the last step a trial reports"));
        }
        var settings = new PrunerSettings(name, p.StartupTrials ?? 5, p.WarmupSteps ?? 0, p.MinResource ?? 1, maxResource ?? 1, p.ReductionFactor ?? 3, p.NoiseAware);
        if (name != "hyperband" || maxResource is not null) errors.AddRange(PrunerRegistry.Validate(settings));
        var definition = name switch
        {
            "median" => new PrunerDefinition(name, StartupTrials: settings.StartupTrials, WarmupSteps: settings.WarmupSteps, NoiseAware: p.NoiseAware),
            "asha" => new PrunerDefinition(name, MinResource: settings.MinResource, ReductionFactor: settings.ReductionFactor, NoiseAware: p.NoiseAware),
            "hyperband" => new PrunerDefinition(name, MinResource: settings.MinResource, MaxResource: maxResource, ReductionFactor: settings.ReductionFactor, NoiseAware: p.NoiseAware),
            _ => new PrunerDefinition(name),
        };
        return (definition, settings);
    }

    private static string Prefix(string prefix, string field) =>
        field.StartsWith(prefix, StringComparison.Ordinal) ? field : $"{prefix}.{field}";

    private static Direction ParseDirection(string? direction, AnalyticFunction? function, List<ValidationError> errors)
    {
        switch (direction?.ToLowerInvariant())
        {
            case null or "": return function?.Direction ?? Direction.Maximize;
            case "maximize": return Direction.Maximize;
            case "minimize": return Direction.Minimize;
            default:
                errors.Add(new("direction", $"must be 'maximize' or 'minimize', got '{direction}'"));
                return Direction.Maximize;
        }
    }

    /// <summary>Turns API parameter rows into typed specs; an analytic study with no rows searches the function's own box.</summary>
    private static List<ParameterSpec>? ToSpecs(IReadOnlyList<ParameterDefinition>? rows, AnalyticFunction? function, List<ValidationError> errors)
    {
        if ((rows is null || rows.Count == 0) && function is not null) return function.Space.Parameters.ToList();
        if (rows is null || rows.Count == 0)
        {
            errors.Add(new("parameters", "at least one parameter is required"));
            return null;
        }

        var specs = new List<ParameterSpec>();
        var ok = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var p = rows[i];
            var field = $"parameters[{i}]";
            if (p is null) { errors.Add(new(field, "parameter is missing")); ok = false; continue; }
            switch (p.Type?.ToLowerInvariant())
            {
                case "float" or "int":
                    if (p.Low is null) { errors.Add(new($"{field}.low", $"'{p.Name}': low is required")); ok = false; }
                    if (p.High is null) { errors.Add(new($"{field}.high", $"'{p.Name}': high is required")); ok = false; }
                    if (p.Low is null || p.High is null) break;
                    if (p.Type.Equals("int", StringComparison.OrdinalIgnoreCase))
                    {
                        if (!IsWhole(p.Low.Value) || !IsWhole(p.High.Value))
                        {
                            errors.Add(new($"{field}.low", $"'{p.Name}': int bounds must be whole numbers"));
                            ok = false;
                            break;
                        }
                        specs.Add(new IntParameter(p.Name, (long)p.Low.Value, (long)p.High.Value, p.Log));
                    }
                    else
                    {
                        specs.Add(new FloatParameter(p.Name, p.Low.Value, p.High.Value, p.Log));
                    }
                    break;
                case "categorical":
                    specs.Add(new CategoricalParameter(p.Name, p.Choices ?? []));
                    break;
                default:
                    errors.Add(new($"{field}.type", $"'{p.Name}': unknown parameter type '{p.Type}'; expected one of {string.Join(", ", ParameterTypes)}"));
                    ok = false;
                    break;
            }
        }
        return ok ? specs : null;
    }

    private static bool IsWhole(double v) => double.IsFinite(v) && Math.Abs(v - Math.Round(v)) < 1e-9 && Math.Abs(v) < 1e15;

    private static IEnumerable<ValidationError> ValidateAgainstFunction(List<ParameterSpec> specs, AnalyticFunction function)
    {
        var expected = function.Space.Parameters.Select(p => p.Name).ToHashSet();
        var given = specs.Select(p => p.Name).ToHashSet();
        if (!expected.SetEquals(given))
            yield return new("parameters", $"{function.Name} takes the parameters {string.Join(", ", expected.Order())}");
    }

    public static ParameterDefinition ToDefinition(ParameterSpec spec) => spec switch
    {
        FloatParameter f => new ParameterDefinition(f.Name, "float", f.Low, f.High, f.Log),
        IntParameter i => new ParameterDefinition(i.Name, "int", i.Low, i.High, i.Log),
        CategoricalParameter c => new ParameterDefinition(c.Name, "categorical", Choices: c.Choices),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };
}
