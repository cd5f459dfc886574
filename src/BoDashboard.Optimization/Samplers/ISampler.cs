using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// Proposes the next <c>count</c> trials from the study's history alone. Implementations are stateless: the same
/// settings, space, direction and history give the same suggestions, so a study resumed from its stored trials
/// continues exactly as it would have. Running trials in the history are pending and are not proposed again.
/// </summary>
public interface ISampler
{
    IReadOnlyList<Suggestion> Suggest(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int count);
}
