namespace BoDashboard.Studies.Definition;

/// <summary>How trials are proposed: <c>gp-ei</c> (with its acquisition settings), <c>random</c> or <c>grid</c>.</summary>
public sealed record SamplerDefinition(
    string Name = "gp-ei",
    int InitialPoints = 5,
    double Xi = 0.01,
    string Acquisition = "ei",
    double Kappa = 2.576,
    int Seed = 0);
