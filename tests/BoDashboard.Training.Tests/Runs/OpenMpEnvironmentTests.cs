using BoDashboard.Training.Runs;

namespace BoDashboard.Training.Tests.Runs;

public sealed class OpenMpEnvironmentTests
{
    [Fact]
    public void WithoutAUserChoiceThreadsSpinBriefly()
    {
        var added = OpenMpEnvironment.ToAdd(_ => null);

        Assert.Equal(OpenMpEnvironment.SpinCount, added["GOMP_SPINCOUNT"]);
        Assert.Single(added);
    }

    [Theory]
    [InlineData("OMP_WAIT_POLICY", "ACTIVE")]
    [InlineData("GOMP_SPINCOUNT", "10000")]
    [InlineData("OMP_WAIT_POLICY", "PASSIVE")]
    public void AUserChoiceIsNeverOverridden(string name, string value)
    {
        var added = OpenMpEnvironment.ToAdd(n => n == name ? value : null);

        Assert.Empty(added);
    }

    [Fact]
    public void AnEmptyVariableIsNoChoice()
    {
        var added = OpenMpEnvironment.ToAdd(n => n == "GOMP_SPINCOUNT" ? "" : null);

        Assert.Equal(OpenMpEnvironment.SpinCount, added["GOMP_SPINCOUNT"]);
        Assert.Single(added);
    }
}
