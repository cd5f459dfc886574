using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Processes;

namespace BoDashboard.Studies.Tests;

/// <summary>A study must not be able to hand a trial program one of its own options: a categorical choice that would
/// begin an argument with '-' (argument injection, e.g. <c>--output=/etc/x</c> into a program that writes where told).</summary>
public sealed class OptionLikeChoiceTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static readonly CommandCatalog Catalog = new(new Dictionary<string, CommandDefinition>
    {
        ["positional"] = new() { Executable = "python3", Arguments = ["train.py", "{optimizer}"] },
        ["prefixed"] = new() { Executable = "python3", Arguments = ["train.py", "{optimizer}.json"] },
        ["embedded"] = new() { Executable = "python3", Arguments = ["train.py", "--optimizer={optimizer}", "--opt", "x{optimizer}"] },
    });

    private static List<ValidationError> Errors(string command, params string[] choices) =>
        Catalog.Validate(command, [new ParameterDefinition("lr", "float", 0.1, 1), new ParameterDefinition("optimizer", "categorical", Choices: choices)]).ToList();

    [Theory]
    [InlineData("positional", "--output=/etc/passwd")]
    [InlineData("positional", "-rf")]
    [InlineData("prefixed", "--config")]
    public void A_choice_that_would_begin_an_argument_with_a_dash_is_refused_at_its_row(string command, string choice)
    {
        var error = Assert.Single(Errors(command, "sgd", choice));

        Assert.Equal("parameters[1].choices", error.Field);
        Assert.Contains($"'{choice}'", error.Message);
        Assert.Contains("would read it as an option", error.Message);
    }

    [Theory]
    [InlineData("positional", "-0.5")]
    [InlineData("positional", "sgd-momentum")]
    [InlineData("embedded", "--output=/etc/passwd")]
    [InlineData("embedded", "-rf")]
    public void Numbers_inner_dashes_and_choices_inside_an_argument_are_data(string command, string choice) =>
        Assert.Empty(Errors(command, "sgd", choice));

    [Fact]
    public async Task A_stored_study_whose_command_changed_since_fails_the_trial_without_starting_the_program()
    {
        var marker = Path.Combine(folder.Path, "started");
        var command = new CommandDefinition { Executable = "touch", Arguments = ["{optimizer}", marker] };
        var options = new TrialProcessOptions(StudyHost.CliHost, TimeSpan.FromSeconds(2), folder.Path);
        var objective = new CommandObjective("touch", new CommandCatalog(new Dictionary<string, CommandDefinition> { ["touch"] = command }),
            new ProcessTrial(options), options);
        var trial = new TrialContext(1, 0, new Dictionary<string, object> { ["optimizer"] = "--reference=/etc/passwd" }, folder.Path);

        var outcome = await objective.EvaluateAsync(trial, new IgnoringReporter(), CancellationToken.None);

        Assert.Null(outcome.Value);
        Assert.Contains("could be read as an option", outcome.Error);
        Assert.False(File.Exists(marker));
    }

    public void Dispose() => folder.Dispose();

    private sealed class IgnoringReporter : ITrialReporter
    {
        public void Progress(TrialProgress progress) { }

        public Task<bool> ReportAsync(IntermediateValue value, CancellationToken ct) => Task.FromResult(false);

        public void Log(string line) { }
    }
}
