namespace BoDashboard.Training.Benchmarks;

/// <summary>A short training run of the classic AlexNet on a 227x227x3 image folder.</summary>
/// <param name="Folder">The image folder trained on.</param>
/// <param name="TrainImages">Images trained on per epoch (the rest of the subset is validation).</param>
/// <param name="ValidationImages">Images validated after each epoch.</param>
/// <param name="Epochs">Epochs run.</param>
/// <param name="BatchSize">Images per SGD step.</param>
/// <param name="Threads">Torch threads.</param>
/// <param name="SecondsPerEpoch">Mean wall time of an epoch, validation included.</param>
/// <param name="ImagesPerSecond">Mean training throughput (forward + backward + step), validation excluded.</param>
/// <param name="ValidationAccuracy">Best validation accuracy; null when the run diverged.</param>
/// <param name="Device">"cpu" or "cuda".</param>
public sealed record ClassicMeasurement(
    string Folder, int TrainImages, int ValidationImages, int Epochs, int BatchSize, int Threads,
    double SecondsPerEpoch, double ImagesPerSecond, double? ValidationAccuracy, string Device);
