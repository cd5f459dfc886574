using BoDashboard.Optimization;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Studies.Definition;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Service;

/// <summary>Posterior slices of a study, rebuilt from its persisted trials.</summary>
public sealed partial class StudyService
{
    private static readonly PosteriorSlicer Slicer = new();

    /// <summary>GP mean, std and acquisition over two parameters (others held at the best trial), from the trials
    /// numbered up to <paramref name="upToTrial"/> (all when null), as the heatmaps draw them.</summary>
    public async Task<PosteriorSlice2D> PosteriorAsync(int id, string x, string y, int resolution, int? upToTrial = null, CancellationToken ct = default)
    {
        var (validated, history) = await HistoryAsync(id, upToTrial, ct);
        return Slicer.Slice2D(validated.Space, validated.Direction, history, validated.Sampler, x, y, resolution);
    }

    public async Task<PosteriorSlice1D> Posterior1DAsync(int id, string x, int resolution, int? upToTrial = null, CancellationToken ct = default)
    {
        var (validated, history) = await HistoryAsync(id, upToTrial, ct);
        return Slicer.Slice1D(validated.Space, validated.Direction, history, validated.Sampler, x, resolution);
    }

    private async Task<(ValidatedStudy Study, IReadOnlyList<TrialRecord> History)> HistoryAsync(int id, int? upToTrial, CancellationToken ct)
    {
        var study = await LoadAsync(id, ct);
        var validated = StudyJson.Validated(study);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trials = await db.Trials.AsNoTracking()
            .Where(t => t.StudyId == id && t.State != TrialStates.Running && (upToTrial == null || t.Number <= upToTrial))
            .OrderBy(t => t.Number).ToListAsync(ct);
        return (validated, trials.Select(t => StudyJson.Record(t, validated.Space)).ToList());
    }

}
