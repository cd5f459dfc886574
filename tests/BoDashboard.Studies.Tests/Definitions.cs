using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Tests;

/// <summary>Study definitions the tests start from.</summary>
public static class Definitions
{
    public static StudyDefinition Seed1D(int budget = 16, double delaySeconds = 0, int parallelism = 1, string sampler = "gp-ei") => new(
        "seed-1d",
        new ObjectiveDefinition(ObjectiveDefinition.Analytic, Function: "seed-1d", DelaySeconds: delaySeconds),
        [new ParameterDefinition("x", "float", -2, 6)],
        new SamplerDefinition(sampler, InitialPoints: 2, Xi: 0.01, Seed: 0),
        "maximize",
        budget,
        parallelism);

    public static StudyDefinition Branin(int budget, double delaySeconds = 0, int parallelism = 1) => new(
        "branin",
        new ObjectiveDefinition(ObjectiveDefinition.Analytic, Function: "branin", DelaySeconds: delaySeconds),
        [],
        new SamplerDefinition("gp-ei", InitialPoints: 3, Seed: 1),
        Budget: budget,
        Parallelism: parallelism);

    public static StudyDefinition AlexNet(int budget, int epochs = 1, int trainSubset = 600, int maxFailures = 5) => new(
        "alexnet",
        new ObjectiveDefinition(ObjectiveDefinition.AlexNet, Dataset: "fashion-mnist", Epochs: epochs, TrainSubset: trainSubset, BatchSize: 64),
        [
            new ParameterDefinition("learning_rate", "float", 1e-3, 0.05, Log: true),
            new ParameterDefinition("weight_decay", "float", 1e-5, 1e-3, Log: true),
        ],
        new SamplerDefinition("gp-ei", InitialPoints: 2, Seed: 0),
        Budget: budget,
        MaxConsecutiveFailures: maxFailures);
}
