using System.Collections.Concurrent;
using System.Globalization;
using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// The last GP hyperparameters fitted for each long study in this process, to warm-start the next fit (see
/// <see cref="GaussianProcessOptions.WarmStart"/>): the sampler is stateless and knows no study id, so a study is
/// recognised by its sampler seed and its first observations, points and values (two studies with the same seed and
/// space share their first points, not their values). Only a starting point is remembered, never a result: after a
/// restart the first fit is simply cold again.
/// </summary>
internal static class WarmStartMemory
{
    // Bounded: a process that has seen more long studies than this forgets them all and starts cold.
    private const int MaxStudies = 256;

    // Observations that identify a study: its first few completed trials (the initial random design).
    private const int KeyPoints = 5;

    private static readonly ConcurrentDictionary<string, GaussianProcessHyperparameters> Fits = new(StringComparer.Ordinal);

    public static GaussianProcessHyperparameters? Recall(int seed, IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets) =>
        Fits.TryGetValue(Key(seed, inputs, targets), out var fit) ? fit : null;

    public static void Remember(int seed, IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, GaussianProcessHyperparameters fit)
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
