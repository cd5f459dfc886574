using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Processes;

namespace BoDashboard.Studies.Tests;

/// <summary>AlexNet trial processes start with an OpenMP wait policy that survives a busy core, unless the dashboard's
/// own environment chose one.</summary>
public sealed class AlexNetTrialEnvironmentTests
{
    private static TrialContext Trial(string folder) =>
        new(7, 3, new Dictionary<string, object> { ["learning_rate"] = 0.01 }, folder);

    private static TrialProcessOptions ShellHost(string folder) =>
        new(new TrialHost("/bin/sh", []), TimeSpan.FromSeconds(2), folder);

    [Fact]
    public void TheLaunchAddsAShortSpinAndKeepsTheTrialVariables()
    {
        using var folder = new TempFolder();

        var launch = AlexNetObjective.Launch(ShellHost(folder.Path), ["-c", "true"], Trial(folder.Path), _ => null);

        Assert.Equal("3000", launch.Environment["GOMP_SPINCOUNT"]);
        Assert.Equal("3", launch.Environment["BO_TRIAL_NUMBER"]);
        Assert.Equal("0.01", launch.Environment["BO_PARAM_LEARNING_RATE"]);
    }

    [Theory]
    [InlineData("OMP_WAIT_POLICY", "PASSIVE")]
    [InlineData("GOMP_SPINCOUNT", "200000")]
    public void AWaitPolicyOfTheUserIsLeftAlone(string name, string value)
    {
        using var folder = new TempFolder();

        var launch = AlexNetObjective.Launch(ShellHost(folder.Path), ["-c", "true"], Trial(folder.Path), n => n == name ? value : null);

        // Nothing added: the trial inherits the user's variable from this process's environment.
        Assert.False(launch.Environment.ContainsKey("OMP_WAIT_POLICY"));
        Assert.False(launch.Environment.ContainsKey("GOMP_SPINCOUNT"));
    }

    [Fact]
    public async Task TheTrialProcessSeesTheWaitPolicy()
    {
        using var folder = new TempFolder();
        // The program answers 1 when it finds the variable, 0 otherwise; it runs under the trial guard like a real trial.
        var script = "if [ \"$GOMP_SPINCOUNT\" = 3000 ]; then echo bo:result value=1; else echo bo:result value=0; fi";
        var launch = AlexNetObjective.Launch(ShellHost(folder.Path), ["-c", script], Trial(folder.Path), _ => null);
        var processes = new ProcessTrial(new TrialProcessOptions(StudyHost.CliHost, TimeSpan.FromSeconds(2), folder.Path));

        var outcome = await processes.RunAsync(launch, SilentTrialReporter.Instance, CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Equal(1, outcome.Value);
    }
}
