using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Tests;

/// <summary>Each trial stores how the sampler chose it and the acquisition value then, as the maps predicted it: the
/// posterior's "next" before an ask is the trial the ask hands out, trust-region and final steps included.</summary>
public sealed class SuggestionOriginTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Trials_store_their_origin_and_the_posterior_next_is_the_trial_asked_next()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var definition = new StudyDefinition("origins", new ObjectiveDefinition(ObjectiveDefinition.External),
            [new ParameterDefinition("x1", "float", -5, 10), new ParameterDefinition("x2", "float", 0, 15)],
            new SamplerDefinition("gp-ei", InitialPoints: 3, Seed: 5), "minimize", 17);
        var id = (await host.Studies.CreateAsync(definition)).Id;
        for (var i = 0; i < 17; i++)
        {
            var predicted = (await host.Studies.PosteriorAsync(id, "x1", "x2", 4)).NextCandidate!;
            var trial = await host.Studies.AskAsync(id);
            Assert.Equal(predicted.Params["x1"], trial.Params["x1"]);
            Assert.Equal(predicted.Params["x2"], trial.Params["x2"]);
            var (x1, x2) = ((double)trial.Params["x1"], (double)trial.Params["x2"]);
            await host.Studies.TellAsync(id, trial.Id, Math.Pow(x2 - 0.13 * x1 * x1 + 1.6 * x1 - 6, 2) + 8 * Math.Cos(x1) + 10, null);
        }

        var trials = (await host.Studies.GetAsync(id)).Trials;
        Assert.Equal(["initial", "initial", "initial"], trials.Take(3).Select(t => t.SuggestedBy));
        Assert.All(trials.Skip(3).Take(12), t => Assert.Equal("acquisition", t.SuggestedBy));
        Assert.Equal("trust-region", trials[15].SuggestedBy); // every other step from trial 15 on is local
        Assert.Equal("final", trials[16].SuggestedBy); // the budget's last trial exploits
        Assert.All(trials.Skip(3), t => Assert.NotNull(t.AcquisitionValue));
        Assert.All(trials.Take(3), t => Assert.Null(t.AcquisitionValue));
        Assert.All(trials, t => Assert.Equal(t.StartedAt, t.QueuedAt));
        Assert.Null((await host.Studies.PosteriorAsync(id, "x1", "x2", 4)).NextCandidate);
    }

    public void Dispose() => folder.Dispose();
}
