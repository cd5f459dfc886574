namespace BoDashboard.Training.Benchmarks;

/// <summary>Everything <c>bench training</c> prints.</summary>
public sealed record TrainingBenchmarkReport(ThroughputMeasurement Throughput, TrialMeasurement Trial, MemoryMeasurement Memory);
