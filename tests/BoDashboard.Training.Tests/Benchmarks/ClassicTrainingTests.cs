using BoDashboard.Training.Benchmarks;
using BoDashboard.Training.Datasets;
using BoDashboard.Training.Models;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;
using TorchSharp;
using static TorchSharp.torch;

namespace BoDashboard.Training.Tests.Benchmarks;

// The tutorial's classic AlexNet on real 227x227x3 images written from Fashion-MNIST: a few images only, so the
// tests take seconds; they check that training runs, never how fast.
public sealed class ClassicTrainingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("classic-training-tests-").FullName;

    public ClassicTrainingTests() => torch.set_num_threads(1);

    public void Dispose()
    {
        DatasetLoader.Clear();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>The first <paramref name="perClass"/> test images of T-shirt and Trouser, as a two-class folder.</summary>
    private string WriteTwoClassFolder(int perClass)
    {
        var test = FashionMnist.Read(DataPaths.ShippedFashionMnistFolder()).Test;
        var indices = new[] { 0, 1 }.SelectMany(label => Enumerable.Range(0, test.Count).Where(i => test.Labels[i] == label).Take(perClass)).ToArray();
        var chosen = test.Select(indices);
        var twoClasses = new ImageSet(chosen.Pixels, chosen.Labels, 1, 28, 28, test.ClassNames.Take(2).ToArray());
        var folder = Path.Combine(root, "images");
        ImageFolderWriter.Write(twoClasses, folder, 227, 3, perClass);
        return folder;
    }

    [Fact]
    public void OneClassicTrainingStepOnFour227PixelImagesGivesAFiniteLossAndMovesTheWeights()
    {
        var images = ImageFolderReader.Read(WriteTwoClassFolder(2), 227);
        Assert.Equal((4, 3, 227, 227), (images.Count, images.Channels, images.Height, images.Width));
        Assert.Equal([0, 0, 1, 1], images.Labels);

        manual_seed(0);
        using var model = AlexNetFactory.Create(new ModelSettings(ModelKind.Classic), 3, 227, 2, 0.5);
        model.train();
        using var optimizer = new MomentumSgd(model.parameters(), 0.01, 0.9, 0.0005);
        using var pixels = tensor(images.Pixels);
        using var inputs = pixels.to_type(ScalarType.Float32).div(255f).reshape(4, 3, 227, 227);
        using var labels = tensor(images.Labels.Select(label => (long)label).ToArray());
        var firstWeights = model.parameters().First();
        using var before = firstWeights.detach().clone();

        optimizer.ZeroGrad();
        using var loss = nn.functional.cross_entropy(model.forward(inputs), labels);
        loss.backward();
        optimizer.Step();

        Assert.True(float.IsFinite(loss.item<float>()), $"loss {loss.item<float>()}");
        Assert.False(before.eq(firstWeights.detach()).all().item<bool>(), "the SGD step left the first convolution unchanged");
    }

    [Fact]
    public void TheClassicBenchmarkTrainsOnAnImageFolderAndReportsAnEpoch()
    {
        var folder = WriteTwoClassFolder(3);

        var run = new ClassicTrainingBenchmark().Run(folder, images: 6, epochs: 1, batchSize: 2, threads: 1);

        Assert.Equal(folder, run.Folder);
        Assert.Equal((1, 2, 1, "cpu"), (run.Epochs, run.BatchSize, run.Threads, run.Device));
        Assert.True(run.TrainImages + run.ValidationImages <= 6);
        Assert.True(run.TrainImages >= 1 && run.ValidationImages >= 1);
        Assert.True(run.SecondsPerEpoch > 0 && run.ImagesPerSecond > 0);
        Assert.NotNull(run.ValidationAccuracy);
    }
}
