using BoDashboard.Optimization;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Studies.Definition;

/// <summary>A definition that passed validation, with defaults filled in and the search space built.</summary>
public sealed record ValidatedStudy(
    StudyDefinition Definition,
    Direction Direction,
    SearchSpace Space,
    SamplerSettings Sampler,
    Optimization.Pruners.PrunerSettings Pruner);
