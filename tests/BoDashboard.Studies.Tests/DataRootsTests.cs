using Microsoft.Extensions.Configuration;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Definition;

namespace BoDashboard.Studies.Tests;

/// <summary>A study's dataset folder and its command's working directory must lie in the configured data roots,
/// also after resolving <c>..</c> and symbolic links; otherwise creating it is a validation error naming the field.</summary>
public sealed class DataRootsTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string Base => folder.Path;

    private DataRoots Roots() => new(["data"], Base);

    private string MakeFolder(string relative) => Directory.CreateDirectory(Path.Combine(Base, relative)).FullName;

    [Fact]
    public void Paths_in_a_root_are_allowed_relative_or_absolute()
    {
        var images = MakeFolder("data/images");

        Assert.True(Roots().Contains("data/images"));
        Assert.True(Roots().Contains(images));
        Assert.True(Roots().Contains("data"));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("data/../secret")]
    [InlineData("data/images/../../secret")]
    [InlineData("/etc")]
    [InlineData("data-other")] // a sibling whose name starts like the root
    public void Paths_outside_every_root_are_refused(string path)
    {
        MakeFolder("secret");
        MakeFolder("data/images");
        MakeFolder("data-other");

        Assert.False(Roots().Contains(path));
        var error = Assert.Single(Roots().Check("objective.datasetPath", path));
        Assert.Equal("objective.datasetPath", error.Field);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_symbolic_link_in_a_root_that_leads_out_of_it_is_refused()
    {
        var secret = MakeFolder("secret");
        MakeFolder("data");
        Directory.CreateSymbolicLink(Path.Combine(Base, "data", "escape"), secret);
        Directory.CreateSymbolicLink(Path.Combine(Base, "data", "inside"), MakeFolder("data/images"));

        Assert.False(Roots().Contains("data/escape"));
        Assert.False(Roots().Contains("data/escape/train"));
        Assert.True(Roots().Contains("data/inside/train"));
    }

    [Fact]
    public void A_root_that_is_itself_a_link_counts_where_it_points()
    {
        var real = MakeFolder("storage/datasets");
        Directory.CreateSymbolicLink(Path.Combine(Base, "data"), real);

        Assert.True(Roots().Contains(Path.Combine(real, "mnist")));
        Assert.True(Roots().Contains("data/mnist"));
    }

    [Fact]
    public void The_setting_takes_a_list_or_an_array_and_defaults_to_data_and_the_system_datasets()
    {
        var list = DataRoots.From(Configuration(new() { [DataRoots.Setting] = "data;/srv/datasets" }), Base);
        var array = DataRoots.From(Configuration(new() { [$"{DataRoots.Setting}:0"] = "data", [$"{DataRoots.Setting}:1"] = "/srv/datasets" }), Base);
        var defaults = DataRoots.From(Configuration(new()), Base);

        Assert.Equal(list.Roots, array.Roots);
        Assert.Contains("/srv/datasets", list.Roots);
        Assert.Equal([DataRoots.RealPath(Path.Combine(Base, "data")), DataRoots.SystemDatasets], defaults.Roots);
    }

    [Fact]
    public async Task Creating_a_study_on_a_dataset_or_command_folder_outside_the_roots_names_the_field()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1, commands: new Dictionary<string, CommandDefinition>
        {
            ["elsewhere"] = new() { Executable = "python3", Arguments = ["-c", "print(1)"], WorkingDirectory = "/" },
        });
        var imageFolder = Definitions.AlexNet(budget: 1) with
        {
            Objective = new ObjectiveDefinition(ObjectiveDefinition.AlexNet, Dataset: "image-folder", DatasetPath: "/etc"),
        };
        var command = Definitions.AlexNet(budget: 1) with
        {
            Objective = new ObjectiveDefinition(ObjectiveDefinition.CommandKind, Command: "elsewhere"),
        };

        var dataset = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CreateAsync(imageFolder));
        var workingDirectory = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CreateAsync(command));

        Assert.Equal("objective.datasetPath", Assert.Single(dataset.Errors).Field);
        Assert.Equal("objective.command", Assert.Single(workingDirectory.Errors).Field);
        Assert.Contains(host.Studies.Validate(imageFolder), e => e.Field == "objective.datasetPath");
        Assert.Empty(await host.Studies.ListAsync());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    public void Dispose() => folder.Dispose();
}
