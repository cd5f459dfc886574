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

public sealed class PyTorchReferenceRunTests
{
    private static bool HasTorch(string python)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import torch");
            using var process = System.Diagnostics.Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    // Runs the real script for one timed step of each net: figures when a default interpreter has torch, else a reason.
    [Fact]
    public void TheScriptRunsWithTheFirstInterpreterThatHasTorchOrSaysWhyNot()
    {
        var measurement = PyTorchReference.RunFirstAvailable(PyTorchReference.DefaultInterpreters, 1, 1, 1);

        if (PyTorchReference.DefaultInterpreters.FirstOrDefault(HasTorch) is { } python)
        {
            Assert.Null(measurement.Problem);
            Assert.Equal(python, measurement.Interpreter);
            Assert.True(measurement.CompactImagesPerSecond > 0 && measurement.ClassicImagesPerSecond > 0);
            Assert.StartsWith("torch ", measurement.Version, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(measurement.CompactImagesPerSecond);
            Assert.NotNull(measurement.Problem);
        }
    }
}
