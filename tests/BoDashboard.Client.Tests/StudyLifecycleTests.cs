using BoDashboard.Tests.Shared;

namespace BoDashboard.Client.Tests;

/// <summary>Create, list, read, control and delete studies through the typed client.</summary>
public sealed class StudyLifecycleTests(TestDashboardFactory factory) : IClassFixture<TestDashboardFactory>
{
    private readonly BoDashboardClient client = new(factory.CreateClient());

    [Fact]
    public async Task Create_returns_the_normalised_study_and_list_and_get_show_it()
    {
        var created = await client.CreateStudyAsync(Studies.External("lifecycle-create"));

        Assert.True(created.Id > 0);
        Assert.Equal("lifecycle-create", created.Name);
        Assert.Equal(StudyStates.Running, created.State);
        Assert.Equal("minimize", created.Direction);
        Assert.Equal("external", created.Objective.Kind);
        Assert.Equal(["x", "y"], created.Parameters.Select(p => p.Name));
        Assert.Equal("float", created.Parameters[0].Type);
        Assert.Equal(-5, created.Parameters[0].Low);
        Assert.Equal(5, created.Parameters[0].High);
        Assert.Equal("gp-ei", created.Sampler?.Name);
        Assert.Equal(3, created.Sampler?.InitialPoints);
        Assert.Equal(6, created.Budget);
        Assert.Empty(created.Trials);

        var summary = Assert.Single(await client.ListStudiesAsync(), s => s.Id == created.Id);
        Assert.Equal("lifecycle-create", summary.Name);
        Assert.Equal("minimize", summary.Direction);
        Assert.Equal(StudyStates.Running, summary.State);
        Assert.Equal("gp-ei", summary.Sampler);
        Assert.Contains("external", summary.Objective);
        Assert.Equal(6, summary.Budget);
        Assert.Equal(0, summary.FinishedTrials);
        Assert.Null(summary.BestValue);

        var read = await client.GetStudyAsync(created.Id);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(created.CreatedAt, read.CreatedAt);
    }

    [Fact]
    public async Task Pause_resume_cancel_and_delete_change_the_study_as_the_api_says()
    {
        var study = await client.CreateStudyAsync(Studies.External("lifecycle-control"));

        var paused = await client.PauseAsync(study.Id);
        var askWhilePaused = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.AskAsync(study.Id));
        var resumed = await client.ResumeAsync(study.Id);
        var trial = await client.AskAsync(study.Id);
        var cancelled = await client.CancelAsync(study.Id);
        var resumeCancelled = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.ResumeAsync(study.Id));

        Assert.Equal(StudyStates.Paused, paused.State);
        Assert.Equal(409, askWhilePaused.Status);
        Assert.Equal(StudyStates.Running, resumed.State);
        Assert.Equal(StudyStates.Cancelled, cancelled.State);
        Assert.NotEqual(TrialStates.Running, Assert.Single(cancelled.Trials, t => t.Id == trial.TrialId).State);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, resumeCancelled.StatusCode);

        await client.DeleteStudyAsync(study.Id);
        var gone = await Assert.ThrowsAsync<BoDashboardApiException>(() => client.GetStudyAsync(study.Id));
        Assert.Equal(404, gone.Status);
        Assert.DoesNotContain(await client.ListStudiesAsync(), s => s.Id == study.Id);
    }

    [Fact]
    public async Task Trials_csv_has_a_header_and_one_row_per_trial()
    {
        var study = await client.CreateStudyAsync(Studies.External("lifecycle-csv"));
        for (var i = 0; i < 3; i++)
        {
            var trial = await client.AskAsync(study.Id);
            await client.TellAsync(study.Id, trial.TrialId, Studies.Quadratic(trial));
        }

        var csv = await client.GetTrialsCsvAsync(study.Id);

        var lines = csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("x", lines[0]);
        Assert.Contains("y", lines[0]);
    }
}
