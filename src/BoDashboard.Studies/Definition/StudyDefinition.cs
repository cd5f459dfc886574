namespace BoDashboard.Studies.Definition;

/// <summary>Everything needed to create a study: the body of <c>POST /api/studies</c> and the New study form.</summary>
public sealed record StudyDefinition(
    string Name,
    ObjectiveDefinition Objective,
    IReadOnlyList<ParameterDefinition> Parameters,
    SamplerDefinition? Sampler = null,
    string? Direction = null,
    int Budget = 30,
    int Parallelism = 1,
    int MaxConsecutiveFailures = 5,
    PrunerDefinition? Pruner = null)
{
    public const int MaxBudget = 100_000;
    public const int MaxParallelism = 64;
}
