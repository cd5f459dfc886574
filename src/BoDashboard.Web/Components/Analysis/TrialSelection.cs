using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Components.Analysis;

/// <summary>The trials whose values lie inside every range brushed on the parallel coordinates.</summary>
public sealed record TrialSelection(IReadOnlySet<int> Numbers)
{
    /// <summary>The trials a selection keeps, in their order; all of them when there is no selection.</summary>
    public static IReadOnlyList<TrialDetails> Filter(TrialSelection? selection, IReadOnlyList<TrialDetails> trials) =>
        selection is null ? trials : trials.Where(t => selection.Numbers.Contains(t.Number)).ToList();
}
