using System.Diagnostics;
using BoDashboard.Training.Datasets;
using BoDashboard.Training.Models;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;
using static TorchSharp.torch;

namespace BoDashboard.Training.Benchmarks;

/// <summary>
/// The measurements behind <c>bench training</c>: training throughput of the compact AlexNet at batch 128, the time
/// of one default-preset trial, and resident memory after 3 and 30 consecutive trials. Returns numbers; printing is
/// the caller's business. Run it on an otherwise idle machine: two busy cores distort every figure.
/// </summary>
public sealed class TrainingBenchmark(ITrainer? trainer = null)
{
    private readonly ITrainer trainer = trainer ?? new Trainer();

    /// <summary>
    /// The trial repeated for the memory reading: the CPU preset cut to 2,000 images and one epoch, so 30 trials take
    /// minutes, not half an hour; every allocation a full trial makes (model, optimiser, batches) is made here too.
    /// </summary>
    public static TrainingSettings MemoryTrial { get; } = TrainingSettings.CpuPreset with
    {
        Dataset = TrainingSettings.CpuPreset.Dataset with { TrainSubsetSize = 2000 },
        Epochs = 1,
        ProgressEveryBatches = 0,
    };

    /// <summary>
    /// All three measurements with their defaults and <paramref name="threads"/> torch threads (null: all cores; on a
    /// machine where other work keeps a core busy, 1 is much faster than 2). <paramref name="progress"/> names each
    /// step as it starts.
    /// </summary>
    public TrainingBenchmarkReport Run(int? threads = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report("throughput: compact AlexNet, batch 128");
        var throughput = MeasureThroughput(threads: threads, cancellationToken: cancellationToken);
        progress?.Report("one trial of the CPU preset");
        var trial = MeasureTrial(TrainingSettings.CpuPreset with { Threads = threads }, cancellationToken);
        progress?.Report("resident memory over 30 trials");
        var memory = MeasureMemory(MemoryTrial with { Threads = threads },
            progress: new Progress<int>(done => progress?.Report($"memory trial {done}")), cancellationToken: cancellationToken);
        return new TrainingBenchmarkReport(throughput, trial, memory);
    }

    /// <summary>Images per second through forward, backward and an SGD step, after a few warm-up steps.</summary>
    public ThroughputMeasurement MeasureThroughput(
        ModelSettings? model = null, int imageSize = 28, int channels = 1, int batchSize = 128, int steps = 20, int? threads = null,
        CancellationToken cancellationToken = default)
    {
        model ??= TrainingSettings.CpuPreset.Model;
        var threadCount = TorchRuntime.ConfigureThreads(threads);
        manual_seed(0);
        using var network = AlexNetFactory.Create(model, channels, imageSize, 10, TrainingSettings.CpuPreset.Dropout);
        network.train();
        using var optimizer = new MomentumSgd(network.parameters(), 0.01, 0.9, 0.0005);
        using var inputs = randn(batchSize, channels, imageSize, imageSize);
        using var labels = randint(0, 10, [batchSize]);
        const int warmUp = 3;
        var clock = new Stopwatch();
        for (var step = 0; step < warmUp + steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step == warmUp)
                clock.Start();
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            var loss = nn.functional.cross_entropy(network.forward(inputs), labels);
            loss.backward();
            optimizer.Step();
            loss.item<float>(); // waits for the step to finish on asynchronous devices
        }
        return new ThroughputMeasurement(SettingNames.Of(model.Kind) + $" (width {model.Width})", imageSize, batchSize, steps,
            threadCount, batchSize * steps / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Times one trial; the dataset is loaded first so the time is that of a study's typical trial.</summary>
    public TrialMeasurement MeasureTrial(TrainingSettings? settings = null, CancellationToken cancellationToken = default)
    {
        settings ??= TrainingSettings.CpuPreset;
        var splits = DatasetLoader.Load(settings.Dataset);
        var clock = Stopwatch.StartNew();
        var result = trainer.Train(settings, null, cancellationToken);
        return new TrialMeasurement(clock.Elapsed.TotalSeconds, result.BestValidationAccuracy, result.Curve.Count,
            splits.Train.Count, result.Threads, result.Diverged);
    }

    /// <summary>Runs <paramref name="trials"/> trials back to back and reads the resident set size after
    /// <paramref name="earlyTrials"/> and after the last (after a full garbage collection each time).</summary>
    public MemoryMeasurement MeasureMemory(
        TrainingSettings? settings = null, int earlyTrials = 3, int trials = 30, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= MemoryTrial;
        long early = 0;
        for (var done = 1; done <= trials; done++)
        {
            trainer.Train(settings with { Seed = done }, null, cancellationToken);
            progress?.Report(done);
            if (done == earlyTrials)
                early = ResidentBytes();
        }
        return new MemoryMeasurement(earlyTrials, early, trials, ResidentBytes(), settings.Epochs,
            DatasetLoader.Load(settings.Dataset).Train.Count);
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
