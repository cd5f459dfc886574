using Bunit;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Service;
using BoDashboard.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Web.Tests.Components;

/// <summary>The New study form's command objective: the server's commands with their descriptions, the placeholders a
/// command needs, and the service's own validation shown next to the fields.</summary>
public sealed class CommandFormTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bodashboard-bunit-").FullName;
    private readonly BunitContext ctx = new();

    private static CommandCatalog TwoCommands() => new(new Dictionary<string, CommandDefinition>
    {
        ["train-mnist"] = new()
        {
            Description = "My PyTorch model on MNIST",
            Executable = "python3",
            Arguments = ["train.py", "--lr", "{learning_rate}", "--wd", "{weight_decay}", "--out", "{learning_rate}.json"],
        },
        ["quadratic"] = new() { Description = "(x - 0.3)^2, for smoke tests", Executable = "python3", Arguments = ["quad.py", "{x}"] },
    });

    private IRenderedComponent<NewStudyPage> RenderForm(CommandCatalog? catalog)
    {
        // Registered before the study service, which otherwise adds an empty catalog.
        if (catalog is not null) ctx.Services.AddSingleton(catalog);
        ctx.AddStudies(folder);
        return ctx.RenderNewStudyPage();
    }

    [Fact]
    public void The_command_objective_lists_every_configured_command_with_its_description()
    {
        var form = RenderForm(TwoCommands());
        Assert.Equal("Command (configured on the server)", form.Find("#objective option[value=command]").TextContent);

        form.Find("#objective").Change("command");

        var options = form.FindAll("#command option");
        Assert.Equal(["quadratic", "train-mnist"], options.Select(o => o.TextContent));
        Assert.Equal(["(x - 0.3)^2, for smoke tests", "My PyTorch model on MNIST"], options.Select(o => o.GetAttribute("title")));
        // The first command is chosen at once, and its description shown.
        Assert.Equal("quadratic", form.Find("#command").GetAttribute("value"));
        Assert.Equal("(x - 0.3)^2, for smoke tests", form.Find("#command-description").TextContent);

        form.Find("#command").Change("train-mnist");

        Assert.Equal("My PyTorch model on MNIST", form.Find("#command-description").TextContent);
        // Each placeholder once, in order of use, marked missing while the table lacks it.
        Assert.Equal(["{learning_rate}", "{weight_decay}"], form.FindAll("code.param-ref").Select(c => c.TextContent));
        Assert.All(form.FindAll("code.param-ref"), c => Assert.Contains("missing", c.ClassList));
    }

    [Fact]
    public async Task A_placeholder_without_a_parameter_is_reported_inline_and_added_in_one_click()
    {
        var form = RenderForm(TwoCommands());
        form.Find("#objective").Change("command");
        form.Find("#command").Change("train-mnist");
        form.Find("#study-name").Input("mnist-lr-wd");
        form.FindAll(".row-actions button")[0].Click(); // Add parameter
        form.Find(".param-name").Change("learning_rate");
        form.Find(".param-low").Change(1e-4);
        form.Find(".param-high").Change(0.1);

        // The service's message (the API's), next to the search space, not in the list of other errors.
        var message = form.Find(".validation-message[data-field=parameters]");
        Assert.Equal("command 'train-mnist' passes {weight_decay} to its program; add that parameter to the search space", message.TextContent);
        Assert.Equal(["present", "missing"], form.FindAll("code.param-ref").Select(c => c.ClassList.Contains("missing") ? "missing" : "present"));
        Assert.Contains("Add weight_decay to the search space", form.Find("#add-command-parameters").TextContent);

        form.Find("#add-command-parameters").Click();

        Assert.Equal(["learning_rate", "weight_decay"], form.FindAll(".param-name").Select(i => i.GetAttribute("value")));
        Assert.Equal(("0", "1"), (form.FindAll(".param-low")[1].GetAttribute("value"), form.FindAll(".param-high")[1].GetAttribute("value")));
        Assert.Empty(form.FindAll(".validation-message"));
        Assert.Empty(form.FindAll("#add-command-parameters"));

        await form.Find("form").SubmitAsync();

        var studies = ctx.Services.GetRequiredService<StudyService>();
        var study = await studies.GetAsync(Assert.Single(await studies.ListAsync()).Id);
        Assert.Equal(("command", "train-mnist"), (study.Objective.Kind, study.Objective.Command));
        Assert.Equal(["learning_rate", "weight_decay"], study.Parameters.Select(p => p.Name));
    }

    [Fact]
    public async Task A_choice_the_program_would_read_as_an_option_is_refused_under_its_choices()
    {
        var form = RenderForm(TwoCommands());
        form.Find("#objective").Change("command");
        form.Find("#command").Change("quadratic"); // passes {x} as a whole argument
        form.Find("#study-name").Input("option-like");
        form.FindAll(".row-actions button")[0].Click(); // Add parameter
        form.Find(".param-name").Change("x");
        form.Find("select[aria-label='parameter type']").Change("categorical");
        form.Find("input[aria-label=choices]").Change("a, --output=/etc/passwd");

        await form.Find("form").SubmitAsync();

        var message = form.Find(".validation-message[data-field='parameters[0].choices']").TextContent;
        Assert.Contains("'--output=/etc/passwd'", message);
        Assert.Contains("would read it as an option", message);
        Assert.Empty(await ctx.Services.GetRequiredService<StudyService>().ListAsync());
    }

    [Fact]
    public async Task Without_configured_commands_the_option_says_so_and_tells_how_to_add_one()
    {
        var form = RenderForm(catalog: null);
        Assert.Equal("Command (none configured on this server)", form.Find("#objective option[value=command]").TextContent);

        form.Find("#objective").Change("command");

        Assert.Empty(form.FindAll("#command"));
        var help = form.Find("#no-commands").TextContent;
        Assert.Contains("Objectives:Commands", help);
        Assert.Contains("appsettings.json", help);
        Assert.Contains("docs/commands.md", help);

        form.Find("#study-name").Input("no-command");
        await form.Find("form").SubmitAsync();

        Assert.Contains("names one of the commands configured on the server", form.Find(".command-picker .validation-message[data-field='objective.command']").TextContent);
        Assert.Empty(await ctx.Services.GetRequiredService<StudyService>().ListAsync());
    }

    public void Dispose()
    {
        ctx.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
