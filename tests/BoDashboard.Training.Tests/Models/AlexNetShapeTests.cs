using BoDashboard.Training.Models;
using BoDashboard.Training.Settings;
using TorchSharp;

namespace BoDashboard.Training.Tests.Models;

public sealed class AlexNetShapeTests
{
    public AlexNetShapeTests() => torch.set_num_threads(1);

    [Theory]
    [InlineData(1, 28, 10, 16)]
    [InlineData(3, 32, 2, 8)]
    [InlineData(3, 64, 5, 4)]
    public void CompactGivesOneScorePerClass(int channels, int size, int classes, int width)
    {
        using var model = AlexNetFactory.Create(new ModelSettings(ModelKind.Compact, width), channels, size, classes, 0.5);
        model.eval();
        using var input = torch.rand(3, channels, size, size);
        using var output = model.forward(input);
        Assert.Equal(new long[] { 3, classes }, output.shape);
    }

    [Fact]
    public void ClassicTakesTheTutorials227PixelImages()
    {
        using var model = AlexNetFactory.Create(new ModelSettings(ModelKind.Classic), 3, 227, 2, 0.5);
        model.eval();
        using var noGrad = torch.no_grad();
        using var input = torch.rand(1, 3, 227, 227);
        using var output = model.forward(input);
        Assert.Equal(new long[] { 1, 2 }, output.shape);
    }

    [Fact]
    public void ClassicRefusesFashionMnistSizedImages()
    {
        var error = Assert.Throws<ArgumentException>(() => AlexNetFactory.Create(new ModelSettings(ModelKind.Classic), 1, 28, 10, 0.5));
        Assert.Contains("compact", error.Message, StringComparison.Ordinal);
    }
}
