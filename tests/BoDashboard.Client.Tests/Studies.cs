using BoDashboard.Client;

namespace BoDashboard.Client.Tests;

/// <summary>Study definitions and objectives the tests share.</summary>
public static class Studies
{
    /// <summary>An external study (values arrive through ask/tell) over two float parameters, minimised with gp-ei.</summary>
    public static StudyDefinition External(string name, int budget = 6, PrunerDefinition? pruner = null) => new()
    {
        Name = name,
        Direction = "minimize",
        Objective = ObjectiveDefinition.External(),
        Parameters = [ParameterDefinition.Float("x", -5, 5), ParameterDefinition.Float("y", -5, 5)],
        Sampler = SamplerDefinition.GpEi(initialPoints: 3, xi: 0.01, seed: 0),
        Pruner = pruner,
        Budget = budget,
    };

    public static double Quadratic(double x, double y) => (x - 1) * (x - 1) + (y + 2) * (y + 2);

    public static double Quadratic(AskedTrial trial) => Quadratic(trial.GetDouble("x"), trial.GetDouble("y"));
}
