namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// Kernel hyperparameters in the GP's working units: length scales in unit-cube coordinates, amplitude (signal
/// variance) and noise variance relative to standardised targets.
/// </summary>
public sealed record GaussianProcessHyperparameters(IReadOnlyList<double> LengthScales, double Amplitude, double Noise);
