using BoDashboard.Optimization;
using BoDashboard.Optimization.Analysis;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Service;

/// <summary>Analyses of a study's GP (parameter importance, slices along each parameter), rebuilt from its finished
/// trials and cached like the posterior slices: they change only when a trial finishes. Both read one GP fit, cached
/// with them, so a finished trial costs one fit for the two.</summary>
public sealed partial class StudyService
{
    private static readonly ImportanceAnalyzer Importance = new();
    private static readonly SliceAnalyzer ParameterSlicer = new();

    /// <summary>Each parameter's first-order and total Sobol index of the GP mean over the search space, with
    /// bootstrap standard errors; a message instead while there are too few completed trials.</summary>
    public async Task<ParameterImportance> ImportanceAsync(int id, CancellationToken ct = default)
    {
        var (validated, history, _) = await HistoryAsync(id, null, ct);
        var fingerprint = Fingerprint(history);
        return await CachedAsync(("importance", id, fingerprint),
            () => Importance.Analyze(validated.Space, FittedModel(id, fingerprint, validated, history)), ct);
    }

    /// <summary>For every parameter, the trials' values against it and the GP mean ± std along it through the best trial.</summary>
    public async Task<ParameterSlices> SlicesAsync(int id, CancellationToken ct = default)
    {
        var (validated, history, _) = await HistoryAsync(id, null, ct);
        var fingerprint = Fingerprint(history);
        return await CachedAsync(("slices", id, fingerprint),
            () => ParameterSlicer.Slice(validated.Space, validated.Direction, history, FittedModel(id, fingerprint, validated, history)), ct);
    }

    private StudyModel? FittedModel(int id, string fingerprint, ValidatedStudy validated, IReadOnlyList<TrialRecord> history) =>
        Cached(("study-model", id, fingerprint),
            () => new FittedStudyModel(StudyModel.Fit(validated.Space, validated.Direction, history, validated.Sampler))).Model;

    /// <summary>A cache entry for a model that is null before the first completed trial.</summary>
    private sealed record FittedStudyModel(StudyModel? Model);
}
