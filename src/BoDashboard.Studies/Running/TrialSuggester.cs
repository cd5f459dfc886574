using BoDashboard.Optimization;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Running;

/// <summary>Proposes a study's next trial from a snapshot of its history (the GP fit: the slow part of a claim). It
/// runs outside every database transaction; tests replace it to act while a suggestion is being made.</summary>
public class TrialSuggester
{
    public virtual Suggestion Suggest(ValidatedStudy study, IReadOnlyList<TrialRecord> history) =>
        SamplerRegistry.Create(study.Sampler).Suggest(study.Space, study.Direction, history, 1)[0];
}
