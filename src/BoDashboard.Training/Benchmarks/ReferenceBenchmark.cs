using System.Diagnostics;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;
using static TorchSharp.torch;

namespace BoDashboard.Training.Benchmarks;

/// <summary>
/// <c>bench training --reference</c>: the reference script's two nets in TorchSharp, the script itself in PyTorch
/// (one after the other, never at once, so neither steals the other's cores), and one preset trial.
/// </summary>
public sealed class ReferenceBenchmark(TrainingBenchmark? trainingBenchmark = null)
{
    /// <summary>The script's warm-up: two untimed steps before the clock starts.</summary>
    public const int WarmUpSteps = 2;

    private readonly TrainingBenchmark trainingBenchmark = trainingBenchmark ?? new TrainingBenchmark();

    /// <summary>
    /// The preset trial of a short run (<c>--short</c>): 500 images, one epoch, so the whole bench takes seconds and
    /// still exercises every step; its figures say nothing about speed.
    /// </summary>
    public static TrainingSettings ShortPreset { get; } = TrainingSettings.CpuPreset with
    {
        Dataset = TrainingSettings.CpuPreset.Dataset with { TrainSubsetSize = 500 },
        Epochs = 1,
        ProgressEveryBatches = 0,
    };

    /// <summary>Rounds by default: each side's figure moves by up to a third from one round to the next on this kind of
    /// machine (the script's classic net times only 3 steps), so one round, or the middle of three, could decide the
    /// ratio by chance; the median of five is moved by two outlying rounds at most.</summary>
    public const int DefaultRounds = 5;

    /// <summary>
    /// Runs everything. <paramref name="threads"/>: torch threads on both sides (null: all cores).
    /// <paramref name="preset"/>: the trial to time (null: the CPU preset). <paramref name="python"/>: the interpreter
    /// (null: the first of <see cref="PyTorchReference.DefaultInterpreters"/> that has torch).
    /// <paramref name="rounds"/>: TorchSharp and the script take turns this many times; each figure is the median of its
    /// rounds, so both sides meet the same changes of the machine.
    /// </summary>
    public ReferenceBenchmarkReport Run(
        int compactSteps = 10, int classicSteps = 3, int? threads = null, TrainingSettings? preset = null,
        string? python = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default,
        int rounds = DefaultRounds)
    {
        if (compactSteps < 1 || classicSteps < 1)
            throw new ArgumentException("Timed steps must be at least 1.", compactSteps < 1 ? nameof(compactSteps) : nameof(classicSteps));
        if (rounds < 1)
            throw new ArgumentException("Rounds must be at least 1.", nameof(rounds));
        var threadCount = threads ?? Environment.ProcessorCount;
        var interpreters = python is null ? PyTorchReference.DefaultInterpreters : [python];
        var compact = new List<double>();
        var classic = new List<double>();
        var scripts = new List<PyTorchMeasurement>();
        for (var round = 1; round <= rounds; round++)
        {
            var of = rounds > 1 ? $" (round {round} of {rounds})" : "";
            progress?.Report($"TorchSharp: compact reference net, batch {ReferenceNet.Compact.BatchSize}{of}");
            compact.Add(MeasureTorchSharp(ReferenceNet.Compact, compactSteps, threadCount, cancellationToken));
            progress?.Report($"TorchSharp: classic reference net, batch {ReferenceNet.Classic.BatchSize}{of}");
            classic.Add(MeasureTorchSharp(ReferenceNet.Classic, classicSteps, threadCount, cancellationToken));
            // Without python3 or torch there is nothing to repeat.
            if (round > 1 && scripts[0].Problem is not null && scripts[0].Version is null)
                continue;
            progress?.Report($"PyTorch: the reference script{of}");
            scripts.Add(PyTorchReference.RunFirstAvailable(interpreters, threadCount, compactSteps, classicSteps, cancellationToken: cancellationToken));
        }
        var pytorch = scripts[0] with
        {
            CompactImagesPerSecond = MedianOrNull(scripts.Select(m => m.CompactImagesPerSecond)),
            ClassicImagesPerSecond = MedianOrNull(scripts.Select(m => m.ClassicImagesPerSecond)),
        };
        progress?.Report("one trial of the preset");
        var trial = trainingBenchmark.MeasureTrial((preset ?? TrainingSettings.CpuPreset) with { Threads = threadCount }, cancellationToken);
        return new ReferenceBenchmarkReport(
            new ReferenceComparison(Median.Of(compact), pytorch.CompactImagesPerSecond),
            new ReferenceComparison(Median.Of(classic), pytorch.ClassicImagesPerSecond),
            pytorch, trial, threadCount, compactSteps, classicSteps)
        {
            Rounds = rounds,
            CompactRounds = compact,
            ClassicRounds = classic,
            PyTorchRounds = scripts,
        };
    }

    private static double? MedianOrNull(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : Median.Of(present);
    }

    /// <summary>
    /// Images/s of <paramref name="net"/> through the script's loop: zero the gradients, cross-entropy of the forward
    /// pass, backward, SGD step (lr 0.01, momentum 0.9, weight decay 5e-4), on one random batch, after
    /// <see cref="WarmUpSteps"/> untimed steps.
    /// </summary>
    public static double MeasureTorchSharp(ReferenceNet net, int steps, int threads, CancellationToken cancellationToken = default)
    {
        TorchRuntime.ConfigureThreads(threads);
        manual_seed(0);
        using var network = net.Create();
        network.train();
        using var optimizer = new MomentumSgd(network.parameters(), 0.01, 0.9, 5e-4);
        using var inputs = randn(net.BatchSize, net.Channels, net.ImageSize, net.ImageSize);
        using var labels = randint(0, net.Classes, [net.BatchSize]);
        var clock = new Stopwatch();
        for (var step = 0; step < WarmUpSteps + steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step == WarmUpSteps)
                clock.Start();
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            nn.functional.cross_entropy(network.forward(inputs), labels).backward();
            optimizer.Step();
        }
        return steps * net.BatchSize / clock.Elapsed.TotalSeconds;
    }
}
