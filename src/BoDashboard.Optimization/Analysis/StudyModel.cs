using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// The GP a study's sampler would fit to its history, and the best trial: what the analyses (importance, slices)
/// read; fit once, it serves both. Rebuilt from the history alone, with the sampler's own settings and seed, as the posterior slicer does, so
/// the analyses describe the model that chooses the next trial.
/// </summary>
public sealed record StudyModel(GaussianProcessModel Model, TrialRecord? Best, int CompletedCount)
{
    public static int CountCompleted(IReadOnlyList<TrialRecord> history) =>
        history.Count(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v));

    /// <summary>The fitted model, or null while no trial has completed.</summary>
    public static StudyModel? Fit(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings)
    {
        var completed = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToArray();
        if (completed.Length == 0)
        {
            return null;
        }

        var model = new GpEiSampler(settings).FitWithPending(ObservationSet.From(space, direction, history), history.Count);
        return new StudyModel(model, AskTellOptimizer.BestOf(completed, direction), completed.Length);
    }
}
