namespace BoDashboard.Training.Runs;

/// <summary>The final evaluation: a model retrained on train + validation, measured on the untouched test split.</summary>
/// <param name="TestAccuracy">Share of test images classified right; null when retraining diverged.</param>
/// <param name="TrainImages">Images retrained on (train + validation).</param>
/// <param name="TestImages">Images tested.</param>
/// <param name="Training">The retraining run (its curve has no validation accuracy).</param>
public sealed record TestEvaluation(double? TestAccuracy, int TrainImages, int TestImages, TrainingResult Training);
