namespace BoDashboard.Optimization.Acquisition;

/// <summary>
/// Budget of the acquisition maximisation: <see cref="RawSamples"/> uniform candidates plus
/// <see cref="LocalSamples"/> perturbations of the anchor points (the best observations), then bounded L-BFGS
/// from the best <see cref="Restarts"/> of them, each stopped after <see cref="MaxIterations"/> or once an iteration
/// improves the acquisition by less than <see cref="RelativeTolerance"/> times max(<see cref="ToleranceFloor"/>, |value|).
/// With <see cref="AbandonHopeless"/>, a search whose recent progress cannot take it to the best value found by any
/// search within its remaining iterations stops there (only the best search's point is proposed).
/// </summary>
public sealed record AcquisitionOptimizerOptions(int RawSamples = 10000, int LocalSamples = 1000, int Restarts = 10, int MaxIterations = 60,
    double RelativeTolerance = 1e-10, double ToleranceFloor = 1.0, bool AbandonHopeless = false);
