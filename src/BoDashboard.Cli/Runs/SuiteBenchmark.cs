using BoDashboard.Benchmarks;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Cli.Runs;

/// <summary>
/// Runs a benchmark suite the way a user's external study runs: one study per problem and seed, created through the
/// study service with gp-ei (5 initial points, xi 0.01) and driven by ask/tell, as the REST API does.
/// </summary>
public static class SuiteBenchmark
{
    /// <summary>The study's sampler: the dashboard's defaults, which no held-out problem may influence.</summary>
    public static SamplerDefinition Sampler(int seed) => new("gp-ei", InitialPoints: 5, Xi: 0.01, Seed: seed);

    /// <summary>Final simple regret of each seed, in the order of <paramref name="seeds"/>.</summary>
    public static async Task<double[]> RegretsAsync(BenchStudyHost host, string problem, int evaluations, IReadOnlyList<int> seeds,
        int parallelism, Action? onStudyDone, CancellationToken ct)
    {
        var function = AnalyticFunctions.Get(problem);
        var regrets = new double[seeds.Count];
        await Parallel.ForAsync(0, seeds.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (i, token) =>
        {
            regrets[i] = await RunAsync(host.Studies, function, evaluations, seeds[i], token);
            onStudyDone?.Invoke();
        });
        return regrets;
    }

    private static async Task<double> RunAsync(StudyService studies, AnalyticFunction function, int evaluations, int seed, CancellationToken ct)
    {
        var study = await studies.CreateAsync(new StudyDefinition($"{function.Name}-seed-{seed}", new ObjectiveDefinition(ObjectiveDefinition.External),
            BenchStudyHost.Parameters(function), Sampler(seed), function.Direction.ToString().ToLowerInvariant(), evaluations), ct);
        var best = double.PositiveInfinity;
        for (var i = 0; i < evaluations; i++)
        {
            var trial = await studies.AskAsync(study.Id, ct);
            var value = function.Evaluate(trial.Params);
            await studies.TellAsync(study.Id, trial.Id, value, null, ct);
            best = Math.Min(best, function.Regret(value));
        }

        return best;
    }
}
