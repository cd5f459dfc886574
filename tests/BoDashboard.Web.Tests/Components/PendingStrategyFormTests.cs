using Bunit;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Pages;
using BoDashboard.Web.Components.StudyForm;
using BoDashboard.Web.Components.StudyView;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Components;

/// <summary>With trials in parallel the New study form offers what gp-ei assumes for running trials, and the created
/// study (and its header) carries the choice.</summary>
public sealed class PendingStrategyFormTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public PendingStrategyFormTests() => ctx.AddStudies(folder);

    [Fact]
    public async Task Parallel_trials_offer_the_pending_strategy_and_the_study_keeps_it()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#study-name").Input("parallel-optimist");
        Assert.Empty(form.FindAll("#pending")); // one trial at a time: nothing is ever pending

        form.Find("#parallelism").Change(4);
        Assert.Equal("believer", form.Find("#pending").GetAttribute("value"));
        Assert.Contains("predicted value", form.Find("#pending-help").TextContent);
        form.Find("#pending").Change("optimist");
        Assert.Contains("half a standard deviation better", form.Find("#pending-help").TextContent);
        await form.Find("form").SubmitAsync();

        var studies = ctx.Services.GetRequiredService<StudyService>();
        var study = await studies.GetAsync(Assert.Single(await studies.ListAsync()).Id);
        Assert.Equal("optimist", study.Sampler.Pending);
        Assert.EndsWith(", pending trials: optimist)", StudyText.Sampler(study));
    }

    [Fact]
    public void Every_strategy_of_the_engine_has_a_short_label_and_an_explanation()
    {
        var choices = PendingStrategyText.Choices.ToList();
        Assert.Equal(Optimization.Samplers.SamplerSettings.PendingFantasies, choices.Select(c => c.Name));
        Assert.All(choices, c => Assert.StartsWith(c.Name + ":", c.Label));
        // Short enough for the select in a window 1,000 px wide, where 43 characters fit.
        Assert.All(choices, c => Assert.True(c.Label.Length <= 30, c.Label));
        Assert.All(choices, c => Assert.NotEmpty(PendingStrategyText.Explain(c.Name)));
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
