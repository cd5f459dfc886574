namespace BoDashboard.Cli.Experiments;

/// <summary>One row of the experiment's result table.</summary>
public sealed record TutorialOutcome(string Sampler, int? StudyId, int Trials, double? LearningRate, double? WeightDecay,
    double? BestValidationAccuracy, double? TestAccuracy, string? Error);
