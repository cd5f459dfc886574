using BoDashboard.Studies.Evaluation;
using BoDashboard.Studies.Service;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;
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
            var epoch = Assert.Single(t.Intermediate);
            Assert.Equal(1, epoch.Epoch);
            Assert.Equal(t.Value!.Value, epoch.ValidationAccuracy!.Value, 9);
        });
    }

    [Fact]
    public async Task Diverging_trials_fail_with_their_message_and_the_study_fails_after_the_configured_number()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, trainer: new DivergingTrainer(), workers: 1);
        var id = (await host.Studies.CreateAsync(Definitions.AlexNet(budget: 10, maxFailures: 3))).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Failed, Patience);

        Assert.Equal(3, study.Trials.Count);
        Assert.All(study.Trials, t =>
        {
            Assert.Equal(TrialStates.Failed, t.State);
            Assert.Null(t.Value);
            Assert.StartsWith("diverged", t.Error);
        });
        Assert.Contains("3 consecutive trials failed", study.FailureReason);
    }

    [Fact]
    public async Task A_failing_trial_does_not_stop_the_study()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, trainer: new DivergingTrainer(divergeWhenLearningRateAbove: 0.01), workers: 1);
        var id = (await host.Studies.CreateAsync(Definitions.AlexNet(budget: 6, maxFailures: 6))).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);

        Assert.Equal(6, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.Equal((double)t.Params["learning_rate"] > 0.01 ? TrialStates.Failed : TrialStates.Complete, t.State));
    }

    [Fact]
    public async Task Retrain_best_and_test_evaluates_the_best_trial_and_the_defaults()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, trainer: new DivergingTrainer(divergeWhenLearningRateAbove: 1), workers: 2);
        var id = (await host.Studies.CreateAsync(Definitions.AlexNet(budget: 3))).Id;
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
        Assert.Equal(0.5 + best.Params["learning_rate"] / 2, best.TestAccuracy!.Value, 9);
        Assert.Equal(0.01, defaults.Params["learning_rate"]);
        Assert.Equal(0.505, defaults.TestAccuracy!.Value, 9);
    }

    /// <summary>Stands in for torch: diverges above a learning rate, else reports a made-up accuracy.</summary>
    private sealed class DivergingTrainer(double divergeWhenLearningRateAbove = 0) : ITrainer
    {
        public TrainingResult Train(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            if (settings.LearningRate > divergeWhenLearningRateAbove)
                return new TrainingResult([], null, null, true, "loss became NaN in epoch 1, batch 3", 0.01, "cpu", 1);
            var accuracy = 0.5 + settings.LearningRate;
            return new TrainingResult([new EpochResult(1, 0.5, accuracy, accuracy, settings.LearningRate, 0.01, 1000)], accuracy, 1, false, null, 0.01, "cpu", 1);
        }

        public TestEvaluation RetrainAndTest(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
            new(0.5 + settings.LearningRate / 2, 100, 20, Train(settings, progress, cancellationToken));
    }

    public void Dispose() => folder.Dispose();
}
