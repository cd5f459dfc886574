namespace BoDashboard.Training.Runs;

/// <summary>
/// Reported every <c>ProgressEveryBatches</c> batches and at the end of every epoch (<see cref="EpochCompleted"/>),
/// on the training thread: a handler should be quick.
/// </summary>
/// <param name="Epoch">1-based epoch in progress.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="BatchesPerEpoch">Batches in one epoch.</param>
/// <param name="TrainLoss">Mean loss of this epoch so far.</param>
/// <param name="TrainAccuracy">Training accuracy of this epoch so far.</param>
/// <param name="ValidationAccuracy">Set when the epoch is completed and there is a validation split.</param>
/// <param name="LearningRate">Current learning rate.</param>
/// <param name="ImagesPerSecond">Training throughput of this epoch so far.</param>
/// <param name="EpochCompleted">Whether this report closes the epoch.</param>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    int Batch,
    int BatchesPerEpoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationAccuracy,
    double LearningRate,
    double ImagesPerSecond,
    bool EpochCompleted);
