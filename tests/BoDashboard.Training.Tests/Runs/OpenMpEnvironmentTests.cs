using BoDashboard.Training.Runs;

namespace BoDashboard.Training.Tests.Runs;

public sealed class OpenMpEnvironmentTests
{
    [Fact]
    public void WithoutAUserChoiceThreadsWaitPassively()
    {
        var added = OpenMpEnvironment.ToAdd(_ => null);

        Assert.Equal("PASSIVE", added["OMP_WAIT_POLICY"]);
    }

    [Theory]
    [InlineData("OMP_WAIT_POLICY", "ACTIVE")]
    [InlineData("GOMP_SPINCOUNT", "10000")]
    public void AUserChoiceIsNeverOverridden(string name, string value)
    {
        var added = OpenMpEnvironment.ToAdd(n => n == name ? value : null);

        Assert.Empty(added);
    }

    [Fact]
    public void AnEmptyVariableIsNoChoice()
    {
        var added = OpenMpEnvironment.ToAdd(n => n == "OMP_WAIT_POLICY" ? "" : null);

        Assert.Equal("PASSIVE", added["OMP_WAIT_POLICY"]);
    }
}
