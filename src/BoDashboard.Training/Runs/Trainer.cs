using System.Diagnostics;
using BoDashboard.Training.Datasets;
using BoDashboard.Training.Models;
using BoDashboard.Training.Settings;
using TorchSharp;
using static TorchSharp.torch;

namespace BoDashboard.Training.Runs;

/// <summary>
/// The tutorial's trainer: SGD with momentum and weight decay, learning-rate decay on a plateau, dropout, training
/// augmentation, validation accuracy after every epoch. Runs one at a time per process: torch's thread count and
/// random generator are process-wide, so concurrent runs would neither be reproducible nor fast on few cores.
/// </summary>
public sealed class Trainer : ITrainer
{
    private const int EvaluationBatchSize = 500;
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    public TrainingResult Train(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        var splits = DatasetLoader.Load(settings.Dataset);
        return Exclusive(cancellationToken, () => Run(settings, splits.Train, splits.Validation, progress, cancellationToken).Result);
    }

    public TestEvaluation RetrainAndTest(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        var splits = DatasetLoader.Load(settings.Dataset);
        var all = splits.Train.Concat(splits.Validation);
        return Exclusive(cancellationToken, () =>
        {
            var (result, model, mean, device) = Run(settings, all, validation: null, progress, cancellationToken, keepModel: true);
            using (model)
            {
                double? accuracy = result.Diverged ? null : Evaluate(model!, splits.Test, mean, device, cancellationToken);
                return new TestEvaluation(accuracy, all.Count, splits.Test.Count, result);
            }
        });
    }

    private static T Exclusive<T>(CancellationToken cancellationToken, Func<T> run)
    {
        OneRunAtATime.Wait(cancellationToken);
        try
        {
            return run();
        }
        finally
        {
            OneRunAtATime.Release();
        }
    }

    private static (TrainingResult Result, nn.Module<Tensor, Tensor>? Model, Normalization Mean, Device Device) Run(
        TrainingSettings settings,
        ImageSet train,
        ImageSet? validation,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken,
        bool keepModel = false)
    {
        var clock = Stopwatch.StartNew();
        var threads = TorchRuntime.ConfigureThreads(settings.Threads);
        var governor = ThreadGovernor.ForRun(settings.Threads, threads);
        var device = TorchRuntime.ResolveDevice(settings.Device);
        TorchRuntime.Seed(settings.Seed, device);
        var shuffling = new Random(settings.Seed);
        var augmentation = settings.Augment ? new Random(unchecked(settings.Seed * 7919 + 1)) : null;

        var model = AlexNetFactory.Create(settings.Model, train.Channels, train.Height, train.ClassNames.Count, settings.Dropout);
        try
        {
            model.to(device);
            using var optimizer = new MomentumSgd(model.parameters(), settings.LearningRate, settings.Momentum, settings.WeightDecay);
            var mean = Normalization.Of(train);
            var batches = new BatchBuilder(train, mean, device, settings.Dataset.HorizontalFlip);
            var batchesPerEpoch = (train.Count + settings.BatchSize - 1) / settings.BatchSize;
            var schedule = LearningRateSchedule.For(settings, batchesPerEpoch);
            var curve = new List<EpochResult>();
            var order = Enumerable.Range(0, train.Count).ToArray();

            for (var epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                var learningRate = schedule.RateAt(epoch, 0);
                shuffling.Shuffle(order);
                model.train();
                double lossSum = 0;
                long correct = 0, seen = 0;
                for (var batch = 0; batch < batchesPerEpoch; batch++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var batchStarted = Stopwatch.GetTimestamp();
                    using var scope = NewDisposeScope();
                    var start = batch * settings.BatchSize;
                    var indices = order.AsSpan(start, Math.Min(settings.BatchSize, train.Count - start));
                    var (inputs, labels) = batches.Build(indices, augmentation);
                    optimizer.SetLearningRate(schedule.RateAt(epoch, batch));
                    optimizer.ZeroGrad();
                    var logits = model.forward(inputs);
                    var loss = nn.functional.cross_entropy(logits, labels);
                    var lossValue = loss.item<float>();
                    if (!float.IsFinite(lossValue))
                    {
                        var message = $"diverged: the loss became {lossValue} in epoch {epoch}, batch {batch + 1} (learning rate {learningRate:G4})";
                        var diverged = new TrainingResult(curve, null, null, true, message, clock.Elapsed.TotalSeconds, device.type.ToString().ToLowerInvariant(), governor?.Threads ?? threads);
                        return (diverged, keepModel ? model : null, mean, device);
                    }
                    loss.backward();
                    optimizer.Step();
                    lossSum += lossValue * indices.Length;
                    correct += logits.argmax(1).eq(labels).sum().item<long>();
                    seen += indices.Length;
                    governor?.BatchFinished(indices.Length, Stopwatch.GetElapsedTime(batchStarted).TotalSeconds);
                    if (settings.ProgressEveryBatches > 0 && (batch + 1) % settings.ProgressEveryBatches == 0 && batch + 1 < batchesPerEpoch)
                    {
                        progress?.Report(new TrainingProgress(epoch, settings.Epochs, batch + 1, batchesPerEpoch, lossSum / seen,
                            (double)correct / seen, null, learningRate, seen / epochClock.Elapsed.TotalSeconds, false));
                    }
                }
                var trainSeconds = epochClock.Elapsed.TotalSeconds;
                double? validationAccuracy = validation is null ? null : Evaluate(model, validation, mean, device, cancellationToken);
                var trainAccuracy = (double)correct / seen;
                // Without a validation split (retraining), the plateau is judged on training accuracy.
                schedule.EndEpoch(validationAccuracy ?? trainAccuracy);
                var point = new EpochResult(epoch, lossSum / seen, trainAccuracy, validationAccuracy, learningRate,
                    epochClock.Elapsed.TotalSeconds, seen / trainSeconds);
                curve.Add(point);
                progress?.Report(new TrainingProgress(epoch, settings.Epochs, batchesPerEpoch, batchesPerEpoch, point.TrainLoss,
                    trainAccuracy, validationAccuracy, learningRate, point.ImagesPerSecond, true));
            }

            var best = curve.Where(p => p.ValidationAccuracy is not null).MaxBy(p => p.ValidationAccuracy);
            var result = new TrainingResult(curve, best?.ValidationAccuracy, best?.Epoch, false, null,
                clock.Elapsed.TotalSeconds, device.type.ToString().ToLowerInvariant(), governor?.Threads ?? threads);
            return (result, keepModel ? model : null, mean, device);
        }
        catch
        {
            if (keepModel)
                model.Dispose();
            throw;
        }
        finally
        {
            if (!keepModel)
                model.Dispose();
        }
    }

    private static double Evaluate(nn.Module<Tensor, Tensor> model, ImageSet images, Normalization mean, Device device, CancellationToken cancellationToken)
    {
        model.eval();
        using var noGrad = no_grad();
        var builder = new BatchBuilder(images, mean, device, horizontalFlip: false);
        var indices = Enumerable.Range(0, images.Count).ToArray();
        long correct = 0;
        for (var start = 0; start < images.Count; start += EvaluationBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (inputs, labels) = builder.Build(indices.AsSpan(start, Math.Min(EvaluationBatchSize, images.Count - start)), augmentation: null);
            using var logits = model.forward(inputs);
            correct += logits.argmax(1).eq(labels).sum().item<long>();
        }
        return (double)correct / images.Count;
    }
}
