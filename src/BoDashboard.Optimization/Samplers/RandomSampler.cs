using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>Uniform random search (uniform on the log scale for log parameters), seeded per history size.</summary>
public sealed class RandomSampler(SamplerSettings settings) : ISampler
{
    public IReadOnlyList<Suggestion> Suggest(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int count)
    {
        var observations = ObservationSet.Seen(space, history);
        var random = SamplerSeed.For(settings.Seed, history.Count);
        var suggestions = new List<Suggestion>(count);
        for (var i = 0; i < count; i++)
        {
            var x = observations.FreshRandom(random);
            observations.Remember(x);
            suggestions.Add(new Suggestion(space.Decode(x), "random", null));
        }

        return suggestions;
    }
}
