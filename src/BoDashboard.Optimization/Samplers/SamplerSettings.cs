namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// Everything that defines a sampler; a suggestion is a pure function of these, the space, the direction and the
/// history. <see cref="Xi"/> is in the objective's units (as in bayes_opt), <see cref="Kappa"/> in standard deviations.
/// With a known <see cref="Budget"/>, gp-ei spends the last trial on the posterior mean's maximum.
/// <see cref="Budget"/> sizes the grid sampler's grid. <see cref="Noise"/> pins the GP's noise variance
/// (standardised units) instead of learning it. <see cref="PendingFantasy"/> is what gp-ei assumes for trials still
/// running when it proposes another: <c>believer</c> (the GP's own mean there, noise-free, "kriging believer"),
/// <c>optimist</c> (the same, half a posterior standard deviation higher, so a batch keeps stepping from its own pending
/// points instead of only spreading away from them), <c>liar</c> (the
/// worst value observed so far, a pessimistic "constant liar" that keeps a batch away from its pending points),
/// <c>penalisation</c> (no fantasy: the acquisition is multiplied down around each pending point, "local
/// penalisation") or <c>thompson</c> (believer fantasies, and a global step is the maximum of one joint posterior draw
/// over candidates instead of EI's: Thompson sampling) or <c>integrated</c> (the acquisition averaged over GPs fantasised at
/// joint posterior draws of the pending outcomes, Spearmint's rule). With no trial pending all of them propose the same point.
/// </summary>
public sealed record SamplerSettings(
    string Name = "gp-ei",
    int InitialPoints = 5,
    string Acquisition = "ei",
    double Xi = 0.01,
    double Kappa = 2.576,
    int Seed = 0,
    int? Budget = null,
    double? Noise = null,
    string PendingFantasy = SamplerSettings.Believer)
{
    public const string Believer = "believer";
    public const string Optimist = "optimist";
    public const string Liar = "liar";
    public const string Penalisation = "penalisation";
    public const string Thompson = "thompson";
    public const string Integrated = "integrated";

    /// <summary>The allowed values of <see cref="PendingFantasy"/>.</summary>
    public static IReadOnlyList<string> PendingFantasies { get; } = [Believer, Optimist, Liar, Penalisation, Thompson, Integrated];
}
