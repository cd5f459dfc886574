using BoDashboard.Optimization;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Studies.Definition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BoDashboard.Studies.Service;

/// <summary>Posterior slices of a study, rebuilt from its persisted trials. A slice depends only on the finished
/// trials it is built from, so it is cached: pages redrawing on progress events, and several viewers of one study,
/// pay for the GP fit once per finished trial.</summary>
public sealed partial class StudyService
{
    private static readonly PosteriorSlicer Slicer = new();
    private readonly MemoryCache slices = new(new MemoryCacheOptions { SizeLimit = 256 });

    /// <summary>GP mean, std and acquisition over two parameters (others held at the best trial), from the trials
    /// numbered up to <paramref name="upToTrial"/> (all when null), as the heatmaps draw them.</summary>
    public async Task<PosteriorSlice2D> PosteriorAsync(int id, string x, string y, int resolution, int? upToTrial = null, CancellationToken ct = default)
    {
        var (validated, history) = await HistoryAsync(id, upToTrial, ct);
        return await CachedAsync((id, x, y, resolution, Fingerprint(history)),
            () => Slicer.Slice2D(validated.Space, validated.Direction, history, validated.Sampler, x, y, resolution), ct);
    }

    public async Task<PosteriorSlice1D> Posterior1DAsync(int id, string x, int resolution, int? upToTrial = null, CancellationToken ct = default)
    {
        var (validated, history) = await HistoryAsync(id, upToTrial, ct);
        return await CachedAsync((id, x, "", resolution, Fingerprint(history)),
            () => Slicer.Slice1D(validated.Space, validated.Direction, history, validated.Sampler, x, resolution), ct);
    }

    /// <summary>A cached slice, or one computed within the <see cref="PosteriorGate"/>'s limit of concurrent fits.</summary>
    private async Task<T> CachedAsync<T>(object key, Func<T> compute, CancellationToken ct) where T : class
    {
        if (slices.TryGetValue(key, out T? hit) && hit is not null) return hit;
        using var slot = await posteriorGate.EnterAsync(ct);
        // Another request may have computed it while this one waited for its slot.
        if (slices.TryGetValue(key, out hit) && hit is not null) return hit;
        var value = compute();
        slices.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return value;
    }

    /// <summary>What a slice depends on: which trials finished, in which state, with which value.</summary>
    private static string Fingerprint(IReadOnlyList<TrialRecord> history) =>
        string.Join(';', history.Select(t => $"{t.Number}:{(int)t.State}:{t.Value:R}"));

    private async Task<(ValidatedStudy Study, IReadOnlyList<TrialRecord> History)> HistoryAsync(int id, int? upToTrial, CancellationToken ct)
    {
        var study = await LoadAsync(id, ct);
        var validated = StudyJson.Validated(study);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trials = await db.Trials.AsNoTracking()
            .Where(t => t.StudyId == id && t.State != TrialStates.Running && (upToTrial == null || t.Number <= upToTrial))
            .OrderBy(t => t.Number).ToListAsync(ct);
        return (validated, TrialHistory.Records(trials, validated.Space, await TrialHistory.CurvesAsync(db, id, ct)));
    }
}
