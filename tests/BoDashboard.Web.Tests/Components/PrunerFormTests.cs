using Bunit;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Components;

/// <summary>The New study form's pruner: each choice shows its own settings with the README's defaults and a line of
/// help, the validator's messages appear next to the field, and the created study has the pruner.</summary>
public sealed class PrunerFormTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public PrunerFormTests() => ctx.AddStudies(folder);

    private static readonly string[] FieldIds =
        ["pruner-startup-trials", "pruner-warmup-steps", "pruner-min-resource", "pruner-max-resource", "pruner-reduction-factor"];

    /// <summary>The pruner fields shown, by id, with their values.</summary>
    private static Dictionary<string, string?> Fields(IRenderedComponent<NewStudyPage> form) =>
        FieldIds.Where(id => form.FindAll($"#{id}").Count > 0).ToDictionary(id => id, id => form.Find($"#{id}").GetAttribute("value"));

    [Fact]
    public void Each_pruner_shows_its_own_settings_with_the_readme_defaults_and_a_line_of_help()
    {
        var form = ctx.RenderNewStudyPage();
        Assert.Equal("none", form.Find("#pruner").GetAttribute("value"));
        Assert.Empty(Fields(form));
        Assert.Equal("No pruner: every trial runs to its end.", form.Find("#pruner-help").TextContent);

        form.Find("#pruner").Change("median");
        Assert.Equal(new Dictionary<string, string?> { ["pruner-startup-trials"] = "5", ["pruner-warmup-steps"] = "1" }, Fields(form));
        Assert.Contains("below the median of the earlier completed trials", form.Find("#pruner-help").TextContent);

        form.Find("#pruner").Change("asha");
        Assert.Equal(new Dictionary<string, string?> { ["pruner-min-resource"] = "1", ["pruner-reduction-factor"] = "3" }, Fields(form));
        Assert.Equal("At steps 1, 3, 9, … only the top third of the trials that got there go on; the others stop.", form.Find("#pruner-help").TextContent);
        // The help follows the settings.
        form.Find("#pruner-reduction-factor").Change(2);
        Assert.StartsWith("At steps 1, 2, 4, … only the top half", form.Find("#pruner-help").TextContent);

        // Hyperband needs the last step a trial reports: an analytic objective cannot say, so the README's 6 is filled in.
        form.Find("#pruner").Change("hyperband");
        Assert.Equal(new Dictionary<string, string?> { ["pruner-min-resource"] = "1", ["pruner-max-resource"] = "6", ["pruner-reduction-factor"] = "2" }, Fields(form));
        Assert.Equal("ASHA in 3 brackets that start judging at steps 1, 2 and 4, up to step 6: some trials are judged early, others only late.",
            form.Find("#pruner-help").TextContent);
        // Every setting says in one line what it is.
        Assert.Equal(["the first step where trials are compared", "the last step a trial reports", "keep the top 1/factor at each rung (at least 2)"],
            form.FindAll(".pruner-picker .field-help").Select(h => h.TextContent));
        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void An_alexnet_studys_hyperband_takes_its_epochs_when_max_resource_is_empty()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#objective").Change("alexnet:fashion-mnist");
        form.Find("#preset-lr-wd").Click();

        form.Find("#pruner").Change("hyperband");

        var max = form.Find("#pruner-max-resource");
        Assert.Equal("", max.GetAttribute("value") ?? "");
        Assert.Equal($"{BoDashboard.Training.Settings.TrainingSettings.CpuPreset.Epochs} (the epochs)", max.GetAttribute("placeholder"));
        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void A_bad_reduction_factor_is_reported_next_to_its_field()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#pruner").Change("asha");

        form.Find("#pruner-reduction-factor").Change(1);

        var message = form.Find(".pruner-picker .validation-message[data-field='pruner.reductionFactor']");
        Assert.Equal("must be at least 2, got 1", message.TextContent);
        Assert.Empty(form.FindAll(".validation-message[data-field=name]")); // the name was not touched

        form.Find("#pruner-reduction-factor").Change(3);
        Assert.Empty(form.FindAll(".validation-message[data-field='pruner.reductionFactor']"));
    }

    [Fact]
    public async Task Hyperband_without_max_resource_for_an_analytic_objective_cannot_be_created()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#study-name").Input("hyperband-no-max");
        form.Find("#pruner").Change("hyperband");
        form.Find("#pruner-max-resource").Change("");

        await form.Find("form").SubmitAsync();

        Assert.Equal("hyperband needs maxResource: the last step a trial reports",
            form.Find(".pruner-picker .validation-message[data-field='pruner.maxResource']").TextContent);
        Assert.Empty(form.FindAll(".alert.error")); // shown at its field, not in the list of other errors
        Assert.Empty(await ctx.Services.GetRequiredService<StudyService>().ListAsync());
    }

    [Fact]
    public async Task The_created_study_has_the_chosen_pruner_and_a_duplicate_keeps_it()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#study-name").Input("seed-1d-asha");
        form.Find("#pruner").Change("asha");
        form.Find("#pruner-min-resource").Change(2);
        form.Find("#pruner-reduction-factor").Change(4);
        // The search-space preset leaves the pruner as it is.
        form.Find("#preset-lr-wd").Click();
        Assert.Equal("asha", form.Find("#pruner").GetAttribute("value"));

        await form.Find("form").SubmitAsync();

        var studies = ctx.Services.GetRequiredService<StudyService>();
        var study = await studies.GetAsync(Assert.Single(await studies.ListAsync()).Id);
        Assert.Equal(("asha", 2, 4), (study.Pruner!.Name, study.Pruner.MinResource, study.Pruner.ReductionFactor));
        Assert.Null(study.Pruner.MaxResource);

        var copy = await studies.DuplicateAsync(study.Id);
        Assert.Equal(study.Pruner, copy.Pruner);
    }

    [Fact]
    public async Task Without_a_choice_the_study_has_no_pruner()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#template-tutorial").Click();

        await form.Find("form").SubmitAsync();

        var studies = ctx.Services.GetRequiredService<StudyService>();
        var study = await studies.GetAsync(Assert.Single(await studies.ListAsync()).Id);
        Assert.Equal("none", study.Pruner?.Name ?? "none");
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
