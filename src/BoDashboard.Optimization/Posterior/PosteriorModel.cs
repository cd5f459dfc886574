using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Posterior;

/// <summary>
/// What every slice of one history shares, computed once by <see cref="PosteriorSlicer.Fit"/>: the GP behind the
/// sampler's next proposal, the acquisition drawn, the proposal itself (null when the study proposes no more) and
/// the trials sorted by state. Cutting it along other axes or at other fixed values costs no new fit.
/// </summary>
public sealed class PosteriorModel
{
    internal PosteriorModel(SearchSpace space, Direction direction, string acquisitionName, GaussianProcessModel? model,
        PosteriorAcquisition? acquisition, SamplerProposal? proposal, TrialRecord? best, IReadOnlyList<TrialRecord> completed,
        IReadOnlyList<(TrialRecord Trial, double Value)> pruned, IReadOnlyList<TrialRecord> running)
    {
        Space = space;
        Direction = direction;
        AcquisitionName = acquisitionName;
        Model = model;
        Acquisition = acquisition;
        Proposal = proposal;
        Best = best;
        Completed = completed;
        Pruned = pruned;
        Running = running;
    }

    public SearchSpace Space { get; }

    public Direction Direction { get; }

    /// <summary>"ei", "pi" or "ucb": the acquisition the maps draw (the study's own).</summary>
    public string AcquisitionName { get; }

    /// <summary>The GP; null while no trial has completed.</summary>
    public GaussianProcessModel? Model { get; }

    /// <summary>What the sampler will propose next, exactly (null for a finished study).</summary>
    public SamplerProposal? Proposal { get; }

    /// <summary>The best completed trial, null when none has completed.</summary>
    public TrialRecord? Best { get; }

    internal PosteriorAcquisition? Acquisition { get; }

    internal IReadOnlyList<TrialRecord> Completed { get; }

    internal IReadOnlyList<(TrialRecord Trial, double Value)> Pruned { get; }

    internal IReadOnlyList<TrialRecord> Running { get; }
}
