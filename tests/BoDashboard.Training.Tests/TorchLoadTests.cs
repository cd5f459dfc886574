using TorchSharp;

namespace BoDashboard.Training.Tests;

public sealed class TorchLoadTests
{
    // Proves the LibTorchSharp compatibility step: on Debian 12 the native library does not load without it.
    [Fact]
    public void NativeLibraryLoads()
    {
        using var ones = torch.ones(2);
        Assert.Equal(2f, ones.sum().item<float>());
    }
}
