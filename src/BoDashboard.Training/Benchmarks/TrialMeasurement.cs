namespace BoDashboard.Training.Benchmarks;

/// <summary>One training trial timed end to end (dataset already cached, as in a study's later trials).</summary>
public sealed record TrialMeasurement(double Seconds, double? BestValidationAccuracy, int Epochs, int TrainImages, int Threads, bool Diverged);
