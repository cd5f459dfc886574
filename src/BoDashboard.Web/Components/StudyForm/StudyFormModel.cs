using BoDashboard.Optimization.Samplers;
using BoDashboard.Benchmarks;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Web.Components.StudyForm;

/// <summary>What the New study form edits; <see cref="ToDefinition"/> gives the same definition the REST API takes.</summary>
public sealed class StudyFormModel
{
    public const string FashionMnist = "alexnet:fashion-mnist";
    public const string ImageFolder = "alexnet:image-folder";
    public const string External = "external";
    public const string Command = "command";

    /// <summary>Objective choices as (key, label): AlexNet first, then the analytic functions (seed-1d first), then the
    /// server's trial commands (the label says when there are none), then external.</summary>
    public static IReadOnlyList<(string Key, string Label)> ObjectiveChoices(int configuredCommands) =>
    [
        (FashionMnist, "AlexNet on Fashion-MNIST"),
        (ImageFolder, "AlexNet on an image folder"),
        .. AnalyticFunctions.Names.Select(n => ($"analytic:{n}", $"Analytic: {n}")),
        (Command, configuredCommands > 0 ? "Command (configured on the server)" : "Command (none configured on this server)"),
        (External, "External (ask/tell)"),
    ];

    public string Name { get; set; } = "";
    public string Objective { get; set; } = "analytic:seed-1d";
    public string? DatasetPath { get; set; }

    /// <summary>The configured trial command's name, for the command objective.</summary>
    public string? CommandName { get; set; }
    public int? Epochs { get; set; }
    public int? BatchSize { get; set; }
    public int? TrainSubset { get; set; }

    /// <summary>Empty: the objective's own direction (analytic functions know theirs; others maximise).</summary>
    public string Direction { get; set; } = "";

    public List<ParameterRow> Parameters { get; set; } = [];
    public string Sampler { get; set; } = "gp-ei";
    public int InitialPoints { get; set; } = 5;
    public double Xi { get; set; } = 0.01;
    public string Acquisition { get; set; } = "ei";
    public double Kappa { get; set; } = 2.576;
    public int Seed { get; set; }

    /// <summary>gp-ei with parallel trials: what it assumes for a trial still running (SamplerSettings.PendingFantasies).</summary>
    public string Pending { get; set; } = SamplerSettings.Believer;
    public int Budget { get; set; } = 30;
    public int Parallelism { get; set; } = 1;

    /// <summary>Whether and how trials are stopped early (none by default).</summary>
    public PrunerFormModel Pruner { get; set; } = new();

    public bool IsAlexNet => Objective.StartsWith("alexnet:", StringComparison.Ordinal);

    public bool IsAnalytic => Objective.StartsWith("analytic:", StringComparison.Ordinal);

    public bool IsCommand => Objective == Command;

    public string? Function => IsAnalytic ? Objective["analytic:".Length..] : null;

    public StudyDefinition ToDefinition()
    {
        var objective = IsAlexNet
            ? new ObjectiveDefinition(ObjectiveDefinition.AlexNet, Dataset: Objective["alexnet:".Length..],
                DatasetPath: Objective == ImageFolder ? DatasetPath : null, Epochs: Epochs, BatchSize: BatchSize, TrainSubset: TrainSubset)
            : IsAnalytic
                ? new ObjectiveDefinition(ObjectiveDefinition.Analytic, Function: Function)
                : IsCommand
                    ? new ObjectiveDefinition(ObjectiveDefinition.CommandKind, Command: CommandName)
                    : new ObjectiveDefinition(ObjectiveDefinition.External);
        return new StudyDefinition(
            Name,
            objective,
            Parameters.Select(p => p.ToDefinition()).ToList(),
            new SamplerDefinition(Sampler, InitialPoints, Xi, Acquisition, Kappa, Seed, Pending),
            string.IsNullOrEmpty(Direction) ? null : Direction,
            Budget,
            Parallelism,
            Pruner: Pruner.ToDefinition());
    }

    /// <summary>Adds a float row in [0, 1] for each name the table lacks (a command's parameter references); the user then edits
    /// types and ranges.</summary>
    public void AddParameters(IEnumerable<string> names)
    {
        foreach (var name in names)
            if (!Parameters.Any(p => p.Name.Trim() == name))
                Parameters.Add(new ParameterRow { Name = name, Type = "float", Low = 0, High = 1 });
    }

    /// <summary>The tutorial's search space: learning rate and weight decay, both log10 in (-5, -1).</summary>
    public static IReadOnlyList<ParameterRow> LearningRateAndWeightDecay() =>
    [
        new() { Name = "learning_rate", Type = "float", Low = 1e-5, High = 0.1, Log = true },
        new() { Name = "weight_decay", Type = "float", Low = 1e-5, High = 0.1, Log = true },
    ];

    /// <summary>The tutorial's study: AlexNet on Fashion-MNIST, lr and wd, GP-EI with 3 initial points, xi 0.01, seed 0, 30 trials.</summary>
    public static StudyFormModel Tutorial() => new()
    {
        Name = "tutorial-alexnet-lr-wd",
        Objective = FashionMnist,
        Parameters = [.. LearningRateAndWeightDecay()],
        Sampler = "gp-ei",
        InitialPoints = 3,
        Xi = 0.01,
        Acquisition = "ei",
        Seed = 0,
        Budget = 30,
        Parallelism = 1,
    };
}
