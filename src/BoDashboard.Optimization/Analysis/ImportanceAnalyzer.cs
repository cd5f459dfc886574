using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Analysis;

/// <summary>
/// Parameter importance from a study's GP: the Sobol indices of the posterior mean over the search space (uniform
/// in the space's encoding), estimated on a Saltelli design of scrambled Halton points. The uncertainty comes from a
/// bootstrap over the trials: each replicate conditions the GP (same hyperparameters) on a resample of the trials,
/// and is evaluated on a resample of the design's rows, so the error bars cover both what the few trials leave open
/// and the quasi-Monte Carlo error.
/// </summary>
public sealed class ImportanceAnalyzer(int baseSamples = 1024, int replicates = 24, int seed = 0)
{
    /// <summary>Fewer completed trials than this leave a GP that says more about its prior than about the study.</summary>
    public const int MinimumTrials = 3;

    public ParameterImportance Analyze(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, SamplerSettings settings)
    {
        var completed = StudyModel.CountCompleted(history);
        return completed < MinimumTrials ? TooFew(completed) : Analyze(space, StudyModel.Fit(space, direction, history, settings));
    }

    /// <summary>The importance under an already fitted study model (null: no completed trial yet).</summary>
    public ParameterImportance Analyze(SearchSpace space, StudyModel? fitted)
    {
        var completed = fitted?.CompletedCount ?? 0;
        if (fitted is null || completed < MinimumTrials)
        {
            return TooFew(completed);
        }

        var design = SaltelliDesign.Create(space.Parameters.Count, baseSamples, seed);
        var points = UniformDesignMapping.Encode(space, design.Points, design.Count);
        var values = new double[design.Count];
        fitted.Model.PredictMean(points, values);
        var estimate = design.Estimate(values);
        if (estimate.Variance == 0)
        {
            return Empty(completed, "The GP mean is flat over the search space: no parameter explains any variation yet.");
        }

        var firsts = new List<IReadOnlyList<double>>();
        var totals = new List<IReadOnlyList<double>>();
        var random = new Random(seed + 1);
        foreach (var model in BootstrapModels(fitted.Model, random))
        {
            model.PredictMean(points, values);
            var rows = Enumerable.Range(0, design.BaseSamples).Select(_ => random.Next(design.BaseSamples)).ToArray();
            var replicate = design.Estimate(values, rows);
            if (replicate.Variance == 0)
            {
                continue;
            }

            firsts.Add(replicate.First);
            totals.Add(replicate.Total);
        }

        var entries = space.Parameters
            .Select((p, i) => new ParameterImportanceEntry(p.Name, estimate.First[i], StandardDeviation(firsts, i),
                estimate.Total[i], StandardDeviation(totals, i)))
            .OrderByDescending(e => e.Total)
            .ToArray();
        return new ParameterImportance(entries, completed, design.BaseSamples, firsts.Count);
    }

    private ParameterImportance TooFew(int completed) =>
        Empty(completed, $"Parameter importance needs at least {MinimumTrials} completed trials; this study has {completed}.");

    private ParameterImportance Empty(int completed, string message) => new([], completed, baseSamples, 0, message);

    /// <summary>The model conditioned on bootstrap resamples of its observations (each observation at most once:
    /// a repeated input would make the kernel matrix singular, and it adds no information to a GP).</summary>
    private IEnumerable<GaussianProcessModel> BootstrapModels(GaussianProcessModel model, Random random)
    {
        var n = model.Count;
        for (var b = 0; b < replicates; b++)
        {
            var picked = Enumerable.Range(0, n).Select(_ => random.Next(n)).Distinct().Order().ToArray();
            if (picked.Length < 2)
            {
                continue;
            }

            var inputs = picked.Select(i => Enumerable.Range(0, model.Dimension).Select(d => model.Input(i, d)).ToArray()).ToArray();
            var targets = picked.Select(i => model.Targets[i]).ToArray();
            yield return GaussianProcessModel.Create(inputs, targets, model.Hyperparameters, model.TargetMean, model.TargetStd, model.Warp);
        }
    }

    private static double StandardDeviation(List<IReadOnlyList<double>> samples, int index)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var mean = samples.Average(s => s[index]);
        return Math.Sqrt(samples.Sum(s => (s[index] - mean) * (s[index] - mean)) / (samples.Count - 1));
    }
}
