using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Service;

/// <summary>When two studies' convergence can be drawn on one chart: the same direction and the same search space (the
/// same parameter names, each with the same type, bounds, log flag and choices; the order of parameters and of choices
/// does not matter). Objectives and samplers may differ.</summary>
public static class SearchSpaceMatch
{
    /// <summary>Why two studies cannot be compared, or null when they can.</summary>
    public static string? Difference(string directionA, IReadOnlyList<ParameterDefinition> a, string directionB, IReadOnlyList<ParameterDefinition> b)
    {
        if (!string.Equals(directionA, directionB, StringComparison.Ordinal)) return $"one is {directionA}d, the other {directionB}d";
        var names = a.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var otherNames = b.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (!names.SequenceEqual(otherNames, StringComparer.Ordinal))
            return $"the parameters differ ({string.Join(", ", names)} against {string.Join(", ", otherNames)})";
        foreach (var p in a)
        {
            var q = b.Single(x => x.Name == p.Name);
            if (p.Type != q.Type) return $"{p.Name} is {p.Type} in one and {q.Type} in the other";
            if (p.Type == "categorical")
            {
                if (!(p.Choices ?? []).ToHashSet(StringComparer.Ordinal).SetEquals(q.Choices ?? []))
                    return $"{p.Name} has other choices";
                continue;
            }
            if (p.Low != q.Low || p.High != q.High) return $"{p.Name} has other bounds ({p.Low} to {p.High} against {q.Low} to {q.High})";
            if (p.Log != q.Log) return $"{p.Name} is searched on a log scale in one only";
        }
        return null;
    }

    public static bool Same(StudyDetails a, StudyDetails b) => Difference(a.Direction, a.Parameters, b.Direction, b.Parameters) is null;
}
