using BoDashboard.Training.Benchmarks;
using BoDashboard.Training.Models;
using TorchSharp;

namespace BoDashboard.Training.Tests.Models;

public sealed class ReferenceAlexNetsTests
{
    public ReferenceAlexNetsTests() => torch.set_num_threads(1);

    // Parameter tensors and counts of the script's nets as PyTorch 1.13 builds them (compact(), classic()):
    // a different width, kernel or layer anywhere changes them.
    [Theory]
    [InlineData("compact", 16, 933_562L)]
    [InlineData("classic", 16, 58_289_538L)]
    public void TheNetsHaveThePyTorchScriptsParameters(string name, int tensors, long count)
    {
        var net = name == "compact" ? ReferenceNet.Compact : ReferenceNet.Classic;
        using var model = net.Create();
        var parameters = model.parameters().ToList();

        Assert.Equal(tensors, parameters.Count);
        Assert.Equal(count, parameters.Sum(p => p.numel()));
    }

    [Fact]
    public void TheCompactNetScoresTenClassesOn32PixelGreyImages()
    {
        using var model = ReferenceNet.Compact.Create();
        model.eval();
        using var noGrad = torch.no_grad();
        using var output = model.forward(torch.rand(2, 1, 32, 32));

        Assert.Equal(new long[] { 2, 10 }, output.shape);
    }
}
