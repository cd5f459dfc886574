namespace BoDashboard.Cli.Runs;

/// <summary>How `bench pruning --record` trains each configuration: the CPU preset's recipe with these changes.</summary>
/// <param name="Epochs">Epochs per configuration (the cosine schedule spans them all).</param>
/// <param name="TrainSubset">Only the first N images of the training file (before the validation split); null: the preset's.</param>
/// <param name="ValidationFraction">Share of those images held out for validation; null: the preset's 0.2.</param>
/// <param name="Threads">Torch threads; null: all cores.</param>
/// <param name="Seed">Draws the configurations and seeds training (weights, shuffling) and the validation split: 0 for
/// the shipped table, another seed for an independent table to choose settings on.</param>
public sealed record LearningCurveRecording(int Epochs, int? TrainSubset, double? ValidationFraction, int? Threads, int Seed = 0);
