using BoDashboard.Tests.Shared;

namespace BoDashboard.Client.Tests;

/// <summary>The ask/tell loop of an external study, run to completion through the typed client.</summary>
public sealed class AskTellTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly BoDashboardClient client = new(factory.CreateClient());

    [Fact]
    public async Task Ask_tell_loop_runs_the_budget_and_completes_the_study()
    {
        var study = await client.CreateStudyAsync(Studies.External("ask-tell-loop", budget: 6));
        var told = new List<(int Number, double Value)>();
        for (var i = 0; i < study.Budget; i++)
        {
            var trial = await client.AskAsync(study.Id);
            Assert.Equal(i, trial.Number);
            Assert.InRange(trial.GetDouble("x"), -5, 5);
            Assert.InRange(trial.GetDouble("y"), -5, 5);
            var value = Studies.Quadratic(trial);
            var finished = await client.TellAsync(study.Id, trial.TrialId, value);
            Assert.Equal(TrialStates.Complete, finished.State);
            Assert.Equal(value, finished.Value);
            Assert.Equal(trial.TrialId, finished.Id);
            told.Add((trial.Number, value));
        }

        var done = await client.GetStudyAsync(study.Id);
        Assert.Equal(StudyStates.Completed, done.State);
        Assert.Equal(6, done.Trials.Count);
        Assert.All(done.Trials, t => Assert.Equal(TrialStates.Complete, t.State));
        var min = told.MinBy(t => t.Value);
        Assert.Equal(min.Value, done.BestValue);
        Assert.Equal(min.Number, done.BestTrialNumber);
        var summary = Assert.Single(await client.ListStudiesAsync(), s => s.Id == study.Id);
        Assert.Equal(6, summary.FinishedTrials);
        Assert.Equal(StudyStates.Completed, summary.State);
    }

    [Fact]
    public async Task Best_document_has_the_best_trial_in_natural_units_and_the_search_space()
    {
        var definition = Studies.External("ask-tell-best", budget: 4) with
        {
            Parameters = [ParameterDefinition.Float("learning_rate", 1e-5, 0.1, log: true), ParameterDefinition.Int("layers", 1, 4), ParameterDefinition.Categorical("optimizer", "sgd", "adam")],
        };
        var study = await client.CreateStudyAsync(definition);
        var values = new Dictionary<int, (double Value, AskedTrial Trial)>();
        for (var i = 0; i < 4; i++)
        {
            var trial = await client.AskAsync(study.Id);
            var value = Math.Log10(trial.GetDouble("learning_rate")) + trial.GetInt64("layers") + (trial.GetString("optimizer") == "adam" ? 0 : 1);
            await client.TellAsync(study.Id, trial.TrialId, value);
            values[trial.Number] = (value, trial);
        }

        var best = await client.GetBestAsync(study.Id);

        var expected = values.MinBy(kv => kv.Value.Value);
        Assert.Equal("ask-tell-best", best.Study);
        Assert.Equal("external", best.Objective.Kind);
        Assert.Equal("minimize", best.Direction);
        Assert.Equal(expected.Key, best.TrialNumber);
        Assert.Equal(expected.Value.Value, best.Value);
        Assert.Equal(expected.Value.Trial.GetDouble("learning_rate"), best.GetDouble("learning_rate"));
        Assert.InRange(best.GetDouble("learning_rate"), 1e-5, 0.1); // natural units, not log10
        Assert.InRange(best.GetInt64("layers"), 1, 4);
        Assert.Contains(best.GetString("optimizer"), new[] { "sgd", "adam" });
        Assert.Equal(["learning_rate", "layers", "optimizer"], best.SearchSpace.Select(p => p.Name));
        Assert.True(best.SearchSpace[0].Log);
        Assert.Equal(["sgd", "adam"], best.SearchSpace[2].Choices!);
        Assert.True(best.ExportedAt > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Tell_failed_records_the_error_and_the_study_goes_on()
    {
        var study = await client.CreateStudyAsync(Studies.External("ask-tell-failed"));
        var abandoned = await client.AskAsync(study.Id);

        var failed = await client.TellFailedAsync(study.Id, abandoned.TrialId, "the cluster node died");
        var next = await client.AskAsync(study.Id);

        Assert.Equal(TrialStates.Failed, failed.State);
        Assert.Equal("the cluster node died", failed.Error);
        Assert.Null(failed.Value);
        Assert.NotEqual(abandoned.TrialId, next.TrialId);
    }

    [Fact]
    public async Task Concurrent_asks_through_one_client_get_distinct_trials()
    {
        var study = await client.CreateStudyAsync(Studies.External("ask-tell-concurrent", budget: 10));

        var asks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.AskAsync(study.Id)));

        Assert.Equal(8, asks.Select(a => a.TrialId).Distinct().Count());
        Assert.Equal(8, asks.Select(a => a.Number).Distinct().Count());
    }
}
