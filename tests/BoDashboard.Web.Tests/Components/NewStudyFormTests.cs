using Bunit;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Components;

public sealed class NewStudyFormTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    public NewStudyFormTests() => ctx.AddStudies(folder);

    [Fact]
    public void Edited_fields_show_the_validators_messages_inline()
    {
        var form = ctx.RenderNewStudyPage();
        Assert.Empty(form.FindAll(".validation-message")); // nothing touched yet

        form.Find("#budget").Change(0);

        Assert.Equal("must be between 1 and 100000, got 0", form.Find(".validation-message[data-field=budget]").TextContent);
        Assert.Empty(form.FindAll(".validation-message[data-field=name]")); // the name was not touched
    }

    [Fact]
    public void A_parameter_row_with_low_above_high_is_flagged_on_that_cell()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#objective").Change("alexnet:fashion-mnist");
        form.FindAll(".row-actions button")[0].Click(); // Add parameter
        form.Find(".param-name").Change("learning_rate");
        form.Find(".param-low").Change(0.5);
        form.Find(".param-high").Change(0.1);

        var message = form.Find(".validation-message[data-field='parameters[0].high']");
        Assert.Contains("low (0.5) must be less than high (0.1)", message.TextContent);
    }

    [Fact]
    public async Task Creating_an_invalid_study_shows_every_message_and_creates_nothing()
    {
        var form = ctx.RenderNewStudyPage();

        await form.Find("form").SubmitAsync();

        Assert.Equal("a name is required", form.Find(".validation-message[data-field=name]").TextContent);
        Assert.Contains("Fix the field marked above", form.Markup);
        Assert.Empty(await ctx.Services.GetRequiredService<StudyService>().ListAsync());
    }

    [Fact]
    public void The_preset_fills_learning_rate_and_weight_decay_log10_in_minus5_minus1()
    {
        var form = ctx.RenderNewStudyPage();

        form.Find("#preset-lr-wd").Click();

        var rows = form.FindAll("table.params tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["learning_rate", "weight_decay"], form.FindAll(".param-name").Select(i => i.GetAttribute("value")));
        Assert.All(form.FindAll(".param-low"), i => Assert.Equal(1e-5, double.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(form.FindAll(".param-high"), i => Assert.Equal("0.1", i.GetAttribute("value")));
        Assert.All(form.FindAll("input[aria-label='log scale']"), i => Assert.True(i.HasAttribute("checked")));
        // The preset belongs to the AlexNet objective: the form switches to it, and the result is valid.
        Assert.Equal("alexnet:fashion-mnist", form.Find("#objective").GetAttribute("value"));
        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public async Task The_tutorial_template_creates_the_tutorial_study()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#template-tutorial").Click();

        await form.Find("form").SubmitAsync();

        var studies = ctx.Services.GetRequiredService<StudyService>();
        var summary = Assert.Single(await studies.ListAsync());
        var study = await studies.GetAsync(summary.Id);
        Assert.Equal("alexnet", study.Objective.Kind);
        Assert.Equal("fashion-mnist", study.Objective.Dataset);
        Assert.Equal(30, study.Budget);
        Assert.Equal(("gp-ei", 3, 0.01, 0), (study.Sampler.Name, study.Sampler.InitialPoints, study.Sampler.Xi, study.Sampler.Seed));
        Assert.Equal(["learning_rate", "weight_decay"], study.Parameters.Select(p => p.Name));
        Assert.All(study.Parameters, p => Assert.Equal((1e-5, 0.1, true), (p.Low!.Value, p.High!.Value, p.Log)));
        Assert.EndsWith($"/studies/{summary.Id}", ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public void Before_the_page_is_interactive_the_create_button_is_disabled()
    {
        // A click then would submit the prerendered form natively: the page reloads and what was typed is lost.
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var form = ctx.Render<NewStudyPage>();

        Assert.True(form.Find("#create-study").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_database_that_refuses_the_study_gives_a_message_and_keeps_the_form()
    {
        var form = ctx.RenderNewStudyPage();
        form.Find("#template-tutorial").Click();
        // The database refuses the write: its studies table is gone (a busy or broken database throws the same way).
        var factory = ctx.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<BoDashboard.Studies.Persistence.StudiesDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var table = Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions.GetTableName(db.Model.FindEntityType(typeof(BoDashboard.Studies.Persistence.StudyEntity))!);
            var drop = "DROP TABLE \"" + table + "\"";
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, drop);
        }

        await form.Find("form").SubmitAsync();

        Assert.Contains("The study could not be created: the database did not accept it", form.Find(".alert.error").TextContent);
        Assert.Equal("Create study", form.Find("#create-study").TextContent);
        Assert.Equal("30", form.Find("#budget").GetAttribute("value")); // what the template filled in is still there
        Assert.EndsWith("/", ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
