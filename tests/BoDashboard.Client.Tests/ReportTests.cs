using BoDashboard.Tests.Shared;

namespace BoDashboard.Client.Tests;

/// <summary>Intermediate values (<c>report</c>) and early stops (<c>tell</c> with state pruned).</summary>
public sealed class ReportTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly BoDashboardClient client = new(factory.CreateClient());

    [Fact]
    public async Task Ask_report_tell_loop_without_a_pruner_never_prunes_and_completes()
    {
        var study = await client.CreateStudyAsync(Studies.External("report-loop", budget: 6));
        for (var i = 0; i < study.Budget; i++)
        {
            var trial = await client.AskAsync(study.Id);
            var final = Studies.Quadratic(trial);
            for (var step = 0; step < 5; step++)
            {
                var shouldPrune = await client.ReportAsync(study.Id, trial.TrialId, step, final + 0.5 * (4 - step));
                Assert.False(shouldPrune, $"trial {trial.Number} step {step}: a study without a pruner never prunes");
            }
            await client.TellAsync(study.Id, trial.TrialId, final);
        }

        var done = await client.GetStudyAsync(study.Id);
        Assert.Equal(StudyStates.Completed, done.State);
        Assert.Equal(6, done.Trials.Count);
        Assert.All(done.Trials, t => Assert.Equal(TrialStates.Complete, t.State));
        var first = done.Trials[0];
        Assert.Equal([0, 1, 2, 3, 4], first.Intermediate.Select(v => v.Step));
        Assert.Equal(first.Value!.Value + 2.0, first.Intermediate[0].Value, 1e-9);
    }

    [Fact]
    public async Task Tell_pruned_stops_a_trial_and_the_study_still_completes_its_budget()
    {
        var study = await client.CreateStudyAsync(Studies.External("report-pruned", budget: 3));
        var first = await client.AskAsync(study.Id);
        await client.TellAsync(study.Id, first.TrialId, Studies.Quadratic(first));
        var stopped = await client.AskAsync(study.Id);
        Assert.False(await client.ReportAsync(study.Id, stopped.TrialId, 0, 1000.0));
        Assert.False(await client.ReportAsync(study.Id, stopped.TrialId, 1, 900.0));

        var pruned = await client.TellPrunedAsync(study.Id, stopped.TrialId);
        var tellAgain = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.TellAsync(study.Id, stopped.TrialId, 1.0));
        var last = await client.AskAsync(study.Id);
        await client.TellAsync(study.Id, last.TrialId, Studies.Quadratic(last));

        Assert.Equal(TrialStates.Pruned, pruned.State);
        Assert.Equal(stopped.TrialId, pruned.Id);
        Assert.Equal(409, tellAgain.Status);
        var done = await client.GetStudyAsync(study.Id);
        Assert.Equal(StudyStates.Completed, done.State);
        Assert.Equal([TrialStates.Complete, TrialStates.Pruned, TrialStates.Complete], done.Trials.Select(t => t.State));
        Assert.NotEqual(1, done.BestTrialNumber); // a pruned trial is never the best
    }

    [Fact]
    public async Task Report_for_an_unknown_trial_is_a_404()
    {
        var study = await client.CreateStudyAsync(Studies.External("report-404"));

        var e = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.ReportAsync(study.Id, 987_654, 0, 1.0));

        Assert.Equal(404, e.Status);
    }
}
