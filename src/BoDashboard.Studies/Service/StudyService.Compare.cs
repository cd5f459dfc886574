using BoDashboard.Studies.Definition;
using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Service;

/// <summary>Comparisons: sampler comparisons launched from a study (one run per sampler, or N seeds per sampler) and any
/// studies that share a search space and direction.</summary>
public sealed partial class StudyService
{
    public const int MaxCompareSeeds = 10;

    /// <summary>The samplers a seeded comparison runs, in the order they are drawn.</summary>
    public static readonly IReadOnlyList<string> ComparedSamplers = ["gp-ei", "random", "grid"];

    /// <summary>"Compare samplers": random and grid studies on the same objective, search space and budget.</summary>
    public async Task<IReadOnlyList<StudyDetails>> CompareSamplersAsync(int id, CancellationToken ct = default)
    {
        var study = await LoadAsync(id, ct);
        var definition = StudyJson.Definition(study);
        var created = new List<StudyDetails>();
        foreach (var sampler in new[] { "random", "grid" })
        {
            var copy = definition with { Name = $"{study.Name} · {sampler}", Sampler = definition.Sampler! with { Name = sampler } };
            created.Add(await CreateAsync(copy, id, ct));
        }
        return created;
    }

    /// <summary>"Compare samplers ×N seeds": gp-ei, random and grid (the grid's visiting order is seeded), each with seeds
    /// s … s+N−1 where s is this study's seed, on the same objective, search space and budget. This study stands for its
    /// own sampler and seed, so that run is not launched twice. Only for analytic and command objectives: AlexNet
    /// trials are too slow to run many times, and external ones need a caller per study.</summary>
    public async Task<IReadOnlyList<StudyDetails>> CompareSamplersAsync(int id, int seeds, CancellationToken ct = default)
    {
        if (seeds is < 1 or > MaxCompareSeeds)
            throw new StudyValidationException([new("seeds", $"must be between 1 and {MaxCompareSeeds}, got {seeds}")]);
        var study = await LoadAsync(id, ct);
        var definition = StudyJson.Definition(study);
        if (definition.Objective.Kind is not (ObjectiveDefinition.Analytic or ObjectiveDefinition.CommandKind))
            throw new StudyOperationException(StudyErrorKind.Conflict,
                $"comparing samplers over seeds runs analytic and command objectives; study {id}'s objective is {definition.Objective.Kind}");
        var own = definition.Sampler!;
        var created = new List<StudyDetails>();
        foreach (var sampler in ComparedSamplers)
        {
            for (var seed = own.Seed; seed < own.Seed + seeds; seed++)
            {
                if (sampler == own.Name && seed == own.Seed) continue;
                var copy = definition with
                {
                    Name = $"{study.Name} · {sampler} seed {seed}",
                    Sampler = own with { Name = sampler, Seed = seed },
                };
                created.Add(await CreateAsync(copy, id, ct));
            }
        }
        return created;
    }

    /// <summary>The studies launched to compare samplers with this one.</summary>
    public async Task<IReadOnlyList<StudyDetails>> ListComparisonsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Studies.Where(s => s.ComparedWithStudyId == id).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var result = new List<StudyDetails>();
        foreach (var other in ids) result.Add(await GetAsync(other, ct));
        return result;
    }

    /// <summary>Every other study whose convergence can be drawn with this one's: the same direction and search space
    /// (<see cref="SearchSpaceMatch"/>), newest first.</summary>
    public async Task<IReadOnlyList<StudySummary>> ListComparableAsync(int id, CancellationToken ct = default)
    {
        var study = StudyJson.Validated(await LoadAsync(id, ct)).Definition;
        List<Persistence.StudyEntity> others;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            others = await db.Studies.AsNoTracking().Where(s => s.Id != id && s.Direction == study.Direction).ToListAsync(ct);
        var matching = others
            .Where(o => SearchSpaceMatch.Difference(study.Direction!, study.Parameters, o.Direction, StudyJson.Validated(o).Definition.Parameters) is null)
            .Select(o => o.Id)
            .ToHashSet();
        return (await ListAsync(ct)).Where(s => matching.Contains(s.Id)).ToList();
    }

    /// <summary>Studies to draw on one convergence chart, in the order asked; they must share a search space and direction.</summary>
    public async Task<IReadOnlyList<StudyDetails>> GetComparableAsync(IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) throw new StudyValidationException([new("ids", "name at least one study")]);
        var studies = new List<StudyDetails>();
        foreach (var id in ids.Distinct()) studies.Add(await GetAsync(id, ct));
        var first = studies[0];
        foreach (var other in studies.Skip(1))
        {
            if (SearchSpaceMatch.Difference(first.Direction, first.Parameters, other.Direction, other.Parameters) is { } why)
                throw new StudyOperationException(StudyErrorKind.Conflict,
                    $"study {other.Id} ({other.Name}) cannot be compared with study {first.Id} ({first.Name}): {why}");
        }
        return studies;
    }
}
