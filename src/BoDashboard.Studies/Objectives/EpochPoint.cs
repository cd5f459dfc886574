namespace BoDashboard.Studies.Objectives;

/// <summary>One point of a trial's learning curve, stored as the trial's intermediate values.</summary>
public sealed record EpochPoint(
    int Epoch,
    int Epochs,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationAccuracy,
    double LearningRate,
    double Seconds);
