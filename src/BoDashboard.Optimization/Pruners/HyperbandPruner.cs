namespace BoDashboard.Optimization.Pruners;

/// <summary>Hyperband as brackets of asynchronous successive halving: bracket b starts halving at
/// <c>minResource · reductionFactor^b</c>, so bracket 0 stops trials earliest and the last bracket lets every trial run
/// to <paramref name="maxResource"/>. Each trial belongs to one bracket, chosen from its number (deterministic, with
/// more trials in the aggressive brackets, as Hyperband allots them), and competes only with its bracket.</summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly SuccessiveHalvingPruner[] brackets;
    private readonly int[] weights;

    public HyperbandPruner(int minResource, int maxResource, int reductionFactor, bool noiseAware = false)
    {
        var count = BracketCount(minResource, maxResource, reductionFactor);
        brackets = Enumerable.Range(0, count).Select(b => new SuccessiveHalvingPruner(minResource, reductionFactor, b, noiseAware)).ToArray();
        // Hyperband's bracket s starts ceil(count / (s + 1) · eta^s) trials for s = count-1 (most aggressive) .. 0.
        weights = Enumerable.Range(0, count)
            .Select(b => (int)Math.Ceiling(count * Math.Pow(reductionFactor, count - 1 - b) / (count - b)))
            .ToArray();
    }

    public int Brackets => brackets.Length;

    public static int BracketCount(int minResource, int maxResource, int reductionFactor) =>
        (int)Math.Floor(Math.Log((double)maxResource / minResource, reductionFactor) + 1e-9) + 1;

    /// <summary>The bracket of a trial: a fixed hash of its number, spread by the brackets' weights.</summary>
    public int BracketOf(int trialNumber)
    {
        var slot = (int)(Mix((ulong)trialNumber) % (ulong)weights.Sum());
        for (var b = 0; b < weights.Length; b++)
        {
            if (slot < weights[b]) return b;
            slot -= weights[b];
        }
        return weights.Length - 1;
    }

    public bool ShouldPrune(PrunerTrial trial, IReadOnlyList<PrunerTrial> others, Direction direction)
    {
        var bracket = BracketOf(trial.Number);
        var rivals = others.Where(o => o.Number < trial.Number && BracketOf(o.Number) == bracket);
        return brackets[bracket].ShouldPrune(trial, rivals, direction);
    }

    // SplitMix64's finaliser: consecutive numbers land in unrelated brackets.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
