using System.Collections.Concurrent;
using System.Globalization;
using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// The last GP hyperparameters fitted for each long study in this process, to warm-start the next fit (see
/// <see cref="GaussianProcessOptions.WarmStart"/>): the sampler is stateless and knows no study id, so a study is
/// recognised by its sampler seed and its first observations, points and values (two studies with the same seed and
/// space share their first points, not their values). After a restart the first fit is simply cold again.
/// Between refits a long study reuses its last fit as it is (see <see cref="RememberedFit.RefitDue"/>): one more trial
/// among hundreds barely moves the hyperparameters, and the fit was a quarter of a 20-D ask at 2,000 trials.
/// </summary>
internal static class WarmStartMemory
{
    /// <summary>A study refits once it has grown by this fraction since its last fit (and by at least one trial).</summary>
    public const double RefitGrowth = 0.05;

    // Bounded: a process that has seen more long studies than this forgets them all and starts cold.
    private const int MaxStudies = 256;

    // Observations that identify a study: its first few completed trials (the initial random design).
    private const int KeyPoints = 5;

    private static readonly ConcurrentDictionary<string, RememberedFit> Fits = new(StringComparer.Ordinal);

    /// <summary>A study's last fit and how many observations it was fitted on.</summary>
    public sealed record RememberedFit(PreviousFit Fit, int Observations)
    {
        /// <summary>Whether a study now at <paramref name="observations"/> should fit afresh rather than reuse this fit:
        /// once it has grown by <see cref="RefitGrowth"/> (every 25 trials at 500, every 100 at 2,000).</summary>
        public bool RefitDue(int observations) => observations >= Observations + Math.Max(1, (int)(RefitGrowth * Observations));
    }

    public static RememberedFit? Recall(int seed, IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets) =>
        Fits.TryGetValue(Key(seed, inputs, targets), out var fit) ? fit : null;

    public static void Remember(int seed, IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, RememberedFit fit)
    {
        if (Fits.Count >= MaxStudies)
        {
            Fits.Clear();
        }

        Fits[Key(seed, inputs, targets)] = fit;
    }

    private static string Key(int seed, IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets) =>
        string.Join("|", Enumerable.Range(0, Math.Min(KeyPoints, inputs.Count))
            .Select(i => string.Join(";", inputs[i].Append(targets[i]).Select(v => v.ToString("R", CultureInfo.InvariantCulture))))
            .Prepend(seed.ToString(CultureInfo.InvariantCulture)));
}
