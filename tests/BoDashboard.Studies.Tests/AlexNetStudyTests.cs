using BoDashboard.Studies.Evaluation;
using BoDashboard.Studies.Service;
using BoDashboard.Studies.Definition;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Tests;

public sealed class AlexNetStudyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_tiny_alexnet_study_completes_and_stores_learning_curves()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1);
        var id = (await host.Studies.CreateAsync(Definitions.AlexNet(budget: 2, epochs: 1, trainSubset: 600))).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);

        Assert.Equal(2, study.Trials.Count);
        Assert.All(study.Trials, t =>
        {
            Assert.Equal(TrialStates.Complete, t.State);
            Assert.InRange(t.Value!.Value, 0, 1);
            // Trained in a child process; its epoch arrived through the line protocol.
            var epoch = Assert.Single(t.Intermediate);
            Assert.Equal(1, epoch.Step);
            Assert.Equal(t.Value!.Value, epoch.Value, 9);
            Assert.InRange(epoch.Metrics!["train_accuracy"], 0, 1);
        });
    }

    [Fact]
    public async Task Diverging_trials_fail_with_their_message_and_the_study_fails_after_the_configured_number()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1);
        // A learning rate of 1,000 or more turns the loss into NaN within the first batches (at 50, 7 batches of 64
        // images did not always get there).
        var definition = Definitions.AlexNet(budget: 10, maxFailures: 3) with
        {
            Parameters = [new ParameterDefinition("learning_rate", "float", 1000, 5000)],
        };
        var id = (await host.Studies.CreateAsync(definition)).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Failed, Patience);

        Assert.Equal(3, study.Trials.Count);
        Assert.All(study.Trials, t =>
        {
            Assert.Equal(TrialStates.Failed, t.State);
            Assert.Null(t.Value);
            Assert.StartsWith("diverged: the loss became ", t.Error); // NaN or Infinity
        });
        Assert.Contains("3 consecutive trials failed", study.FailureReason);
    }

    [Fact]
    public async Task Retrain_best_and_test_evaluates_the_best_trial_and_the_defaults()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 2);
        var id = (await host.Studies.CreateAsync(Definitions.AlexNet(budget: 2))).Id;
        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);
        var evaluations = host.Services.GetRequiredService<EvaluationService>();

        await evaluations.StartRetrainAsync(id);
        var deadline = DateTime.UtcNow + Patience;
        IReadOnlyList<EvaluationDetails> results;
        while ((results = await evaluations.ListAsync(id)).Any(e => e.State == TrialStates.Running) && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        var best = results.Single(e => e.Label == "best");
        var defaults = results.Single(e => e.Label == "defaults");
        Assert.Equal((double)study.Trials.Single(t => t.Number == study.BestTrialNumber).Params["learning_rate"], best.Params["learning_rate"]);
        Assert.Equal(0.01, defaults.Params["learning_rate"]);
        // Real retraining in a child process: accuracies of a tiny run, well above chance (0.1) for the defaults.
        Assert.InRange(best.TestAccuracy!.Value, 0, 1);
        Assert.InRange(defaults.TestAccuracy!.Value, 0.1, 1);
    }

    public void Dispose() => folder.Dispose();
}
