namespace BoDashboard.Optimization.Samplers;

/// <summary>Derives the random stream of one suggestion from the sampler's seed and the history's size (SplitMix64).</summary>
internal static class SamplerSeed
{
    public static Random For(int seed, int trials, int salt = 0) => new(Mix(seed, trials, salt));

    public static int Mix(int seed, int trials, int salt = 0)
    {
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)(uint)trials * 0xBF58476D1CE4E5B9UL + (ulong)(uint)salt);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
