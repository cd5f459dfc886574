namespace BoDashboard.Training.Benchmarks;

/// <summary>Training speed (forward + backward + SGD step) of one model on synthetic batches.</summary>
public sealed record ThroughputMeasurement(string Model, int ImageSize, int BatchSize, int Steps, int Threads, double ImagesPerSecond);
