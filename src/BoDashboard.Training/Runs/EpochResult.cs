namespace BoDashboard.Training.Runs;

/// <summary>One point of the learning curve.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="TrainLoss">Mean cross-entropy over the epoch's batches.</param>
/// <param name="TrainAccuracy">Share of training images classified right while training (with dropout and augmentation).</param>
/// <param name="ValidationAccuracy">After the epoch; null when the run has no validation split (retraining on train + validation).</param>
/// <param name="LearningRate">The rate at the epoch's first batch (a cosine schedule lowers it batch by batch).</param>
/// <param name="Seconds">Wall time of the epoch, validation included.</param>
/// <param name="ImagesPerSecond">Training throughput (forward + backward + step), validation excluded.</param>
public sealed record EpochResult(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationAccuracy,
    double LearningRate,
    double Seconds,
    double ImagesPerSecond);
