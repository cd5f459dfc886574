using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Web.Components.StudyForm;

/// <summary>The New study form's words for gp-ei's pending-trial strategies: a label short enough for the select on a
/// narrow window, and a sentence under it that says what the chosen one does.</summary>
public static class PendingStrategyText
{
    private static readonly IReadOnlyDictionary<string, (string Label, string Explanation)> Texts = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["believer"] = ("believer: their prediction", "A running trial counts as the GP's predicted value there, so the next proposal moves away from it."),
        ["optimist"] = ("optimist: a little better", "A running trial counts as half a standard deviation better than predicted, so a batch also steps on from it (suits rugged objectives with many trials running)."),
        ["liar"] = ("liar: the worst so far", "A running trial counts as the worst value seen so far, a strong push away from it."),
        ["penalisation"] = ("penalisation: EI lowered", "Running trials get no value; the acquisition is lowered around each of them instead."),
        ["thompson"] = ("thompson: sampled steps", "A running trial counts as its prediction, and while trials run each global step is the best point of one draw from the posterior."),
        ["integrated"] = ("integrated: EI over outcomes", "A running trial's outcome is drawn from the posterior 16 times, and the next proposal maximises EI averaged over those outcomes (Spearmint's rule; each proposal costs 5-20 times the believer's)."),
    };

    /// <summary>Every strategy the engine knows, in its order, with its label.</summary>
    public static IEnumerable<(string Name, string Label)> Choices =>
        SamplerSettings.PendingFantasies.Select(name => (name, Texts.TryGetValue(name, out var text) ? text.Label : name));

    public static string Explain(string name) => Texts.TryGetValue(name, out var text) ? text.Explanation : "";
}
