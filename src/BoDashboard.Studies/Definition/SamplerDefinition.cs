namespace BoDashboard.Studies.Definition;

/// <summary>How trials are proposed: <c>gp-ei</c> (with its acquisition settings), <c>random</c> or <c>grid</c>.
/// <paramref name="Pending"/>: what gp-ei assumes for trials still running when it proposes another (studies with
/// parallelism above 1 and concurrent ask/tell clients): <c>believer</c>, <c>optimist</c>, <c>liar</c>,
/// <c>penalisation</c>, <c>thompson</c> or <c>integrated</c> (<see cref="Optimization.Samplers.SamplerSettings"/>).</summary>
public sealed record SamplerDefinition(
    string Name = "gp-ei",
    int InitialPoints = 5,
    double Xi = 0.01,
    string Acquisition = "ei",
    double Kappa = 2.576,
    int Seed = 0,
    string Pending = Optimization.Samplers.SamplerSettings.Believer);
