using BoDashboard.Optimization.Analysis;

namespace BoDashboard.Studies.Service;

/// <summary>Analyses of a study's GP (parameter importance, slices along each parameter), rebuilt from its finished
/// trials and cached like the posterior slices: they change only when a trial finishes.</summary>
public sealed partial class StudyService
{
    private static readonly ImportanceAnalyzer Importance = new();
    private static readonly SliceAnalyzer ParameterSlicer = new();

    /// <summary>Each parameter's first-order and total Sobol index of the GP mean over the search space, with
    /// bootstrap standard errors; a message instead while there are too few completed trials.</summary>
    public async Task<ParameterImportance> ImportanceAsync(int id, CancellationToken ct = default)
    {
        var (validated, history) = await HistoryAsync(id, null, ct);
        return Cached(("importance", id, Fingerprint(history)),
            () => Importance.Analyze(validated.Space, validated.Direction, history, validated.Sampler));
    }

    /// <summary>For every parameter, the trials' values against it and the GP mean ± std along it through the best trial.</summary>
    public async Task<ParameterSlices> SlicesAsync(int id, CancellationToken ct = default)
    {
        var (validated, history) = await HistoryAsync(id, null, ct);
        return Cached(("slices", id, Fingerprint(history)),
            () => ParameterSlicer.Slice(validated.Space, validated.Direction, history, validated.Sampler));
    }
}
