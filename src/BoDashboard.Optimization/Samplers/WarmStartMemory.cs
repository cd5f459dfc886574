using System.Collections.Concurrent;
using System.Globalization;
using BoDashboard.Optimization.GaussianProcess;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// The last GP hyperparameters fitted for each long study in this process, to warm-start the next fit (see
/// <see cref="GaussianProcessOptions.WarmStart"/>): the sampler is stateless and knows no study id, so a study is
/// recognised by its sampler seed and its first observations. Only a starting point is remembered, never a result:
/// after a restart the first fit is simply cold again.
/// </summary>
internal static class WarmStartMemory
{
    // Bounded: a process that has seen more long studies than this forgets them all and starts cold.
    private const int MaxStudies = 256;

    // Observations that identify a study: its first few completed trials (the initial random design).
    private const int KeyPoints = 5;

    private static readonly ConcurrentDictionary<string, GaussianProcessHyperparameters> Fits = new(StringComparer.Ordinal);

    public static GaussianProcessHyperparameters? Recall(int seed, IReadOnlyList<double[]> inputs) =>
        Fits.TryGetValue(Key(seed, inputs), out var fit) ? fit : null;

    public static void Remember(int seed, IReadOnlyList<double[]> inputs, GaussianProcessHyperparameters fit)
    {
        if (Fits.Count >= MaxStudies)
        {
            Fits.Clear();
        }

        Fits[Key(seed, inputs)] = fit;
    }

    private static string Key(int seed, IReadOnlyList<double[]> inputs) =>
        string.Join("|", inputs.Take(KeyPoints).Select(x => string.Join(";", x.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Prepend(seed.ToString(CultureInfo.InvariantCulture)));
}
