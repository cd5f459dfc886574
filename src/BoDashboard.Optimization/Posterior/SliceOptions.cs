namespace BoDashboard.Optimization.Posterior;

/// <summary>
/// How to cut a slice: <see cref="Fixed"/> holds the values chosen for parameters not on the axes (natural units;
/// numbers may be given as strings; the others stay at the best trial), and <see cref="ProposeNext"/> says whether
/// the study will still propose a trial (false for a finished study: no "next" mark then).
/// </summary>
public sealed record SliceOptions(IReadOnlyDictionary<string, object>? Fixed = null, bool ProposeNext = true)
{
    public static SliceOptions Default { get; } = new();
}
