using BoDashboard.Training.Benchmarks;

namespace BoDashboard.Training.Tests.Benchmarks;

public sealed class PyTorchReferenceTests
{
    [Fact]
    public void TheScriptsOutputIsRead()
    {
        var measurement = PyTorchReference.Parse("""
            torch 1.13.1, threads 2, GEMM 1024: 61.3 GFLOP/s
            compact AlexNet 1x32x32 batch 128: 821 images/s
            classic AlexNet 3x227x227 batch 16: 15.8 images/s

            """);

        Assert.Equal((821.0, 15.8), (measurement.CompactImagesPerSecond, measurement.ClassicImagesPerSecond));
        Assert.Equal("torch 1.13.1, threads 2, GEMM 1024: 61.3 GFLOP/s", measurement.Version);
        Assert.Null(measurement.Problem);
    }

    [Fact]
    public void AMissingFigureIsNamed()
    {
        var measurement = PyTorchReference.Parse("torch 1.13.1, threads 2, GEMM 1024: 61.3 GFLOP/s\ncompact AlexNet 1x32x32 batch 128: 821 images/s\n");

        Assert.Null(measurement.ClassicImagesPerSecond);
        Assert.Contains("classic", measurement.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingInterpreterGivesNoFiguresAndSaysSo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-python-" + Guid.NewGuid().ToString("N"));

        var measurement = PyTorchReference.RunFirstAvailable([missing], 1, 1, 1);

        Assert.Null(measurement.CompactImagesPerSecond);
        Assert.Null(measurement.ClassicImagesPerSecond);
        Assert.Contains(missing, measurement.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScriptIsCopiedNextToTheProgram() =>
        Assert.True(File.Exists(PyTorchReference.DefaultScriptPath), PyTorchReference.DefaultScriptPath);
}
