using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace BoDashboard.Web.Components.StudyView;

/// <summary>
/// What the posterior maps show, as kept in the page's query string so that a link opens the same view:
/// <c>x</c>, <c>y</c> (the axes), <c>fix.NAME</c> (a value held for a parameter off the axes; natural units, a
/// choice's name for a categorical) and <c>upTo</c> (the replay step). Only these keys are read or written; the
/// others (the trial table's, for instance) are left as they are.
/// </summary>
public sealed record PosteriorView(string? X, string? Y, IReadOnlyDictionary<string, string> Fixed, int? UpTo)
{
    public const string XKey = "x";
    public const string YKey = "y";
    public const string FixPrefix = "fix.";
    public const string UpToKey = "upTo";

    public static PosteriorView Empty { get; } = new(null, null, new Dictionary<string, string>(), null);

    public static PosteriorView FromUri(string uri)
    {
        var query = new Uri(uri).Query;
        var values = QueryHelpers.ParseQuery(query);
        string? One(string key) => values.TryGetValue(key, out var v) && v.Count > 0 && !string.IsNullOrEmpty(v[^1]) ? v[^1] : null;
        var fixedValues = values.Where(kv => kv.Key.StartsWith(FixPrefix, StringComparison.Ordinal) && kv.Key.Length > FixPrefix.Length
                                             && !string.IsNullOrEmpty(kv.Value[^1]))
            .ToDictionary(kv => kv.Key[FixPrefix.Length..], kv => kv.Value[^1]!, StringComparer.Ordinal);
        var upTo = int.TryParse(One(UpToKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : (int?)null;
        return new PosteriorView(One(XKey), One(YKey), fixedValues, upTo);
    }

    /// <summary>The current address with this view's keys set (and stale <c>fix.*</c> keys removed), every other key kept.</summary>
    public string ApplyTo(NavigationManager navigation)
    {
        var current = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [XKey] = X,
            [YKey] = Y,
            [UpToKey] = UpTo?.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var key in current.Keys.Where(k => k.StartsWith(FixPrefix, StringComparison.Ordinal)))
        {
            changes[key] = null;
        }
        foreach (var (name, value) in Fixed)
        {
            changes[FixPrefix + name] = value;
        }
        return navigation.GetUriWithQueryParameters(changes);
    }

    public bool SameAs(PosteriorView other) =>
        X == other.X && Y == other.Y && UpTo == other.UpTo
        && Fixed.Count == other.Fixed.Count && Fixed.All(kv => other.Fixed.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
