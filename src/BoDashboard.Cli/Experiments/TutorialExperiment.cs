using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Evaluation;
using BoDashboard.Studies.Service;

namespace BoDashboard.Cli.Experiments;

/// <summary>The tutorial's experiment: tune AlexNet's learning rate and weight decay (log10 in (-5, -1)) with GP-EI
/// (3 random + 27 iterations, xi 0.01, seed 0), run random and grid search with the same budget, then retrain the
/// best of each and the defaults (lr 0.01, wd 0.0005) on train + validation and measure test accuracy.</summary>
public sealed record TutorialExperiment(int Budget = 30, int InitialPoints = 3, double Xi = 0.01, int Seed = 0,
    int? Epochs = null, int? TrainSubset = null, string? Model = null, string Dataset = "fashion-mnist", string? DatasetPath = null)
{
    public static readonly IReadOnlyList<string> Samplers = ["gp-ei", "random", "grid"];

    public static IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        new("learning_rate", "float", 1e-5, 1e-1, Log: true),
        new("weight_decay", "float", 1e-5, 1e-1, Log: true),
    ];

    public StudyDefinition Study(string sampler, string stamp) => new(
        $"tutorial {stamp} · {sampler}",
        new ObjectiveDefinition(ObjectiveDefinition.AlexNet, Dataset: Dataset, DatasetPath: DatasetPath, Epochs: Epochs, TrainSubset: TrainSubset, Model: Model),
        Parameters,
        new SamplerDefinition(sampler, InitialPoints, Xi, Seed: Seed),
        "maximize",
        Budget,
        Parallelism: 1,
        // The tutorial's search box reaches learning rates that diverge; many failures in a row are expected there.
        MaxConsecutiveFailures: Budget);

    public static IReadOnlyDictionary<string, double> Defaults => EvaluationService.Defaults;
}
