using BoDashboard.Optimization;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Studies.Definition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BoDashboard.Studies.Service;

/// <summary>Posterior slices of a study, rebuilt from its persisted trials. A slice depends only on the trials it is
/// built from (their states and values) and on where it is cut, so it is cached: pages redrawing on progress events,
/// and several viewers of one study, pay for the GP fit once per change of the trials.</summary>
public sealed partial class StudyService
{
    private static readonly PosteriorSlicer Slicer = new();
    private readonly MemoryCache slices = new(new MemoryCacheOptions { SizeLimit = 256 });

    /// <summary>GP mean, std and acquisition over two parameters, the others held at <paramref name="fixedValues"/>
    /// (natural units; the rest at the best trial), from the trials numbered up to <paramref name="upToTrial"/> (all
    /// when null), as the heatmaps draw them. Running trials are the sampler's pending points and are drawn hollow;
    /// the next candidate is what the sampler will propose, absent once the study is finished or its budget used.</summary>
    public async Task<PosteriorSlice2D> PosteriorAsync(int id, string x, string y, int resolution, int? upToTrial = null,
        CancellationToken ct = default, IReadOnlyDictionary<string, object>? fixedValues = null)
    {
        var fitted = await FittedAsync(id, upToTrial, ct);
        return Cached((fitted.Key, x, y, resolution, Key(fixedValues)), () => Slicer.Slice2D(fitted.Model, x, y, resolution, fixedValues));
    }

    public async Task<PosteriorSlice1D> Posterior1DAsync(int id, string x, int resolution, int? upToTrial = null,
        CancellationToken ct = default, IReadOnlyDictionary<string, object>? fixedValues = null)
    {
        var fitted = await FittedAsync(id, upToTrial, ct);
        return Cached((fitted.Key, x, "", resolution, Key(fixedValues)), () => Slicer.Slice1D(fitted.Model, x, resolution, fixedValues));
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

    /// <summary>A cached value, or one computed at once: for cheap work (cutting a fitted model) and for work done
    /// inside a computation that already holds a gate slot (taking a second could wait forever).</summary>
    private T Cached<T>(object key, Func<T> compute) where T : class
    {
        if (slices.TryGetValue(key, out T? hit) && hit is not null) return hit;
        var value = compute();
        slices.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return value;
    }

    /// <summary>What a slice depends on: which trials exist, in which state, with which value.</summary>
    private static string Fingerprint(IReadOnlyList<TrialRecord> history) =>
        string.Join(';', history.Select(t => $"{t.Number}:{(int)t.State}:{t.Value:R}"));

    private static string Key(IReadOnlyDictionary<string, object>? fixedValues) =>
        string.Join('|', (fixedValues ?? new Dictionary<string, object>())
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)}"));

    /// <summary>The GP and the sampler's proposal for the study's trials (up to a replay step): fitted once per change
    /// of the trials, then cut along any axes at any fixed values without a new fit.</summary>
    private async Task<(object Key, PosteriorModel Model)> FittedAsync(int id, int? upToTrial, CancellationToken ct)
    {
        var (validated, history, proposeNext) = await HistoryAsync(id, upToTrial, ct);
        var key = (id, Fingerprint(history), proposeNext);
        return (key, await CachedAsync(key, () => Slicer.Fit(validated.Space, validated.Direction, history, validated.Sampler, proposeNext), ct));
    }

    private async Task<(ValidatedStudy Study, IReadOnlyList<TrialRecord> History, bool ProposeNext)> HistoryAsync(int id, int? upToTrial,
        CancellationToken ct)
    {
        var study = await LoadAsync(id, ct);
        var validated = StudyJson.Validated(study);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trials = await db.Trials.AsNoTracking()
            .Where(t => t.StudyId == id && (upToTrial == null || t.Number <= upToTrial))
            .OrderBy(t => t.Number).ToListAsync(ct);
        var history = TrialHistory.Records(trials, validated.Space, await TrialHistory.CurvesAsync(db, id, ct));
        // The scheduler asks the sampler only while the study runs and its budget lasts; a replay step shows what it
        // proposed after that trial.
        var proposes = history.Count < study.Budget && (upToTrial is not null || !StudyStates.IsFinished(study.State));
        return (validated, history, proposes);
    }
}
