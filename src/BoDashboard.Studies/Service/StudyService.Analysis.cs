using BoDashboard.Optimization;
using BoDashboard.Optimization.Analysis;
using BoDashboard.Studies.Definition;
using Microsoft.Extensions.Caching.Memory;

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
        var (validated, history) = await HistoryAsync(id, null, ct);
        var fingerprint = Fingerprint(history);
        return await CachedAsync(("importance", id, fingerprint),
            () => Importance.Analyze(validated.Space, FittedModel(id, fingerprint, validated, history)), ct);
    }

    /// <summary>For every parameter, the trials' values against it and the GP mean ± std along it through the best trial.</summary>
    public async Task<ParameterSlices> SlicesAsync(int id, CancellationToken ct = default)
    {
        var (validated, history) = await HistoryAsync(id, null, ct);
        var fingerprint = Fingerprint(history);
        return await CachedAsync(("slices", id, fingerprint),
            () => ParameterSlicer.Slice(validated.Space, validated.Direction, history, FittedModel(id, fingerprint, validated, history)), ct);
    }

    /// <summary>The study's GP, shared by importance and slices. Called only inside a computation that already holds a
    /// <see cref="PosteriorGate"/> slot, so it does not take another (that could wait forever with every slot held).</summary>
    private StudyModel? FittedModel(int id, string fingerprint, ValidatedStudy validated, IReadOnlyList<TrialRecord> history)
    {
        var key = ("study-model", id, fingerprint);
        if (!slices.TryGetValue(key, out FittedStudyModel? fitted) || fitted is null)
        {
            fitted = new FittedStudyModel(StudyModel.Fit(validated.Space, validated.Direction, history, validated.Sampler));
            slices.Set(key, fitted, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        return fitted.Model;
    }

    /// <summary>A cache entry for a model that is null before the first completed trial.</summary>
    private sealed record FittedStudyModel(StudyModel? Model);
}
