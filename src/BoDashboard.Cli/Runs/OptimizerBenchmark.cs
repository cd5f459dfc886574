using MathNet.Numerics.Statistics;
using System.Diagnostics;
using BoDashboard.Optimization;
using BoDashboard.Benchmarks;
using BoDashboard.Optimization.Posterior;
using BoDashboard.Optimization.Samplers;

namespace BoDashboard.Cli.Runs;

/// <summary>The measurements behind `bench optimizer`; printing is the command's business.</summary>
public static class OptimizerBenchmark
{
    public const double SeedOneDOptimumX = 0.631374;

    /// <summary>Milliseconds of one gp-ei suggestion (GP fit + acquisition maximisation) after n random observations; median of <paramref name="repeats"/>.</summary>
    public static double SuggestionLatency(AnalyticFunction function, int n, int repeats)
    {
        var times = new List<double>(repeats);
        for (var r = 0; r < repeats; r++)
        {
            var random = new Random(1000 + r);
            var history = new List<TrialRecord>(n);
            for (var i = 0; i < n; i++)
            {
                var p = function.Space.Decode(function.Space.SampleUnit(random));
                history.Add(new TrialRecord(i, p, TrialState.Complete, function.Evaluate(p)));
            }

            var sampler = SamplerRegistry.Create(new SamplerSettings(Seed: r));
            var watch = Stopwatch.StartNew();
            sampler.Suggest(function.Space, function.Direction, history, 1);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    /// <summary>Milliseconds of a 2-D posterior slice (mean, std, EI grids and next candidate) after n random branin trials; median of 3.</summary>
    public static double SliceLatency(int n, int resolution)
    {
        var function = AnalyticFunctions.Get("branin");
        var random = new Random(7);
        var history = new List<TrialRecord>(n);
        for (var i = 0; i < n; i++)
        {
            var p = function.Space.Decode(function.Space.SampleUnit(random));
            history.Add(new TrialRecord(i, p, TrialState.Complete, function.Evaluate(p)));
        }

        var slicer = new PosteriorSlicer();
        var times = new List<double>(3);
        for (var r = 0; r < 3; r++)
        {
            var watch = Stopwatch.StartNew();
            slicer.Slice2D(function.Space, function.Direction, history, new SamplerSettings(Seed: r), "x1", "x2", resolution);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    /// <summary>Regret after each checkpoint for each seed: result[seed][checkpoint].</summary>
    public static double[][] Regrets(AnalyticFunction function, string sampler, IReadOnlyList<int> checkpoints, int seeds, int parallelism)
    {
        var result = new double[seeds][];
        var evaluations = checkpoints.Max();
        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, seed =>
        {
            var settings = new SamplerSettings(sampler, Seed: seed, Budget: evaluations);
            var trials = OptimizationRun.Run(function, settings, evaluations);
            result[seed] = checkpoints.Select(c => OptimizationRun.RegretAfter(function, trials, c)).ToArray();
        });
        return result;
    }

    /// <summary>The tutorial's 1-D run (2 initial + 14 GP-EI, xi 0.01) per seed: |best x - x*| and regret.</summary>
    public static (double Distance, double Regret)[] SeedOneD(int seeds, int parallelism)
    {
        var function = AnalyticFunctions.Get("seed-1d");
        var result = new (double, double)[seeds];
        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, seed =>
        {
            var settings = new SamplerSettings("gp-ei", InitialPoints: 2, Xi: 0.01, Seed: seed, Budget: 16);
            var trials = OptimizationRun.Run(function, settings, 16);
            var best = AskTellOptimizer.BestOf(trials, function.Direction)!;
            result[seed] = (Math.Abs((double)best.Params["x"] - SeedOneDOptimumX), function.Regret(best.Value!.Value));
        });
        return result;
    }

    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>Linear-interpolated quantile (numpy's default, R-7).</summary>
    public static double Quantile(IEnumerable<double> values, double q) => Statistics.QuantileCustom(values, q, QuantileDefinition.R7);
}
