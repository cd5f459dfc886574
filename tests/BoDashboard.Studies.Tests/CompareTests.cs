using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Tests;

/// <summary>Comparisons: which studies share a search space, and "Compare samplers ×N seeds".</summary>
public sealed class CompareTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly TempFolder folder = new();

    private static StudyDefinition External(string name, string direction = "maximize", params ParameterDefinition[] parameters) => new(
        name, new ObjectiveDefinition(ObjectiveDefinition.External),
        parameters.Length > 0 ? parameters : [new ParameterDefinition("x", "float", 0, 1), new ParameterDefinition("c", "categorical", Choices: ["a", "b"])],
        new SamplerDefinition("random"), direction, 10);

    [Fact]
    public void Same_search_space_ignores_the_order_of_parameters_and_choices_but_not_bounds_types_log_or_direction()
    {
        ParameterDefinition[] a = [new("x", "float", 0, 1), new("c", "categorical", Choices: ["a", "b"])];
        ParameterDefinition[] reordered = [new("c", "categorical", Choices: ["b", "a"]), new("x", "float", 0, 1)];

        Assert.Null(SearchSpaceMatch.Difference("maximize", a, "maximize", reordered));
        Assert.Contains("maximized", SearchSpaceMatch.Difference("maximize", a, "minimize", reordered));
        Assert.Contains("x has other bounds", SearchSpaceMatch.Difference("maximize", a, "maximize", [new("x", "float", 0, 2), a[1]]));
        Assert.Contains("log scale", SearchSpaceMatch.Difference("maximize", [new("x", "float", 0.1, 1)], "maximize", [new("x", "float", 0.1, 1, Log: true)]));
        Assert.Contains("x is float in one and int", SearchSpaceMatch.Difference("maximize", a, "maximize", [new("x", "int", 0, 1), a[1]]));
        Assert.Contains("other choices", SearchSpaceMatch.Difference("maximize", a, "maximize", [a[0], new("c", "categorical", Choices: ["a", "z"])]));
        Assert.Contains("parameters differ", SearchSpaceMatch.Difference("maximize", a, "maximize", [a[0]]));
    }

    [Fact]
    public async Task Comparable_studies_are_those_with_the_same_direction_and_search_space_whatever_their_objective()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var s = host.Studies;
        var first = await s.CreateAsync(External("first"));
        var twin = await s.CreateAsync(External("twin", "maximize", new ParameterDefinition("c", "categorical", Choices: ["b", "a"]), new ParameterDefinition("x", "float", 0, 1)));
        var wider = await s.CreateAsync(External("wider", "maximize", new ParameterDefinition("x", "float", 0, 2), new ParameterDefinition("c", "categorical", Choices: ["a", "b"])));
        var minimizing = await s.CreateAsync(External("minimizing", "minimize"));

        Assert.Equal([twin.Id], (await s.ListComparableAsync(first.Id)).Select(c => c.Id));
        Assert.Equal([first.Id], (await s.ListComparableAsync(twin.Id)).Select(c => c.Id));
        Assert.Empty(await s.ListComparableAsync(minimizing.Id));

        Assert.Equal([twin.Id, first.Id], (await s.GetComparableAsync([twin.Id, first.Id])).Select(c => c.Id));
        var refused = await Assert.ThrowsAsync<StudyOperationException>(() => s.GetComparableAsync([first.Id, wider.Id]));
        Assert.Equal(StudyErrorKind.Conflict, refused.Kind);
        Assert.Contains("x has other bounds", refused.Message);
        var missing = await Assert.ThrowsAsync<StudyOperationException>(() => s.GetComparableAsync([first.Id, 999]));
        Assert.Equal(StudyErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Comparing_samplers_over_three_seeds_runs_every_sampler_with_every_seed_once()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var study = await host.Studies.CreateAsync(Definitions.Branin(budget: 4)); // gp-ei, seed 1

        var created = await host.Studies.CompareSamplersAsync(study.Id, seeds: 3);

        // gp-ei seed 1 is the study itself; the other eight runs are new.
        Assert.Equal(8, created.Count);
        var runs = created.Select(c => (c.Sampler.Name, c.Sampler.Seed)).Append(("gp-ei", 1)).Order().ToList();
        var expected = new[] { "gp-ei", "grid", "random" }.SelectMany(n => new[] { 1, 2, 3 }.Select(seed => (n, seed))).Order().ToList();
        Assert.Equal(expected, runs);
        Assert.All(created, c =>
        {
            Assert.Equal("branin", c.Objective.Function);
            Assert.Equal(4, c.Budget);
            Assert.Equal(study.Parameters, c.Parameters);
            Assert.Equal(study.Sampler.InitialPoints, c.Sampler.InitialPoints);
            Assert.Equal($"branin · {c.Sampler.Name} seed {c.Sampler.Seed}", c.Name);
        });
        Assert.Equal(created.Select(c => c.Id).Order(), (await host.Studies.ListComparisonsAsync(study.Id)).Select(c => c.Id));

        foreach (var c in created) await host.WaitForStateAsync(c.Id, StudyStates.Completed, Patience);
        var finished = await host.Studies.ListComparisonsAsync(study.Id);
        // Different seeds search differently: the random runs do not all propose the same first point.
        var firstPoints = finished.Where(c => c.Sampler.Name == "random").Select(c => (double)c.Trials[0].Params["x1"]).Distinct().Count();
        Assert.Equal(3, firstPoints);
        Assert.All(finished, c => Assert.Equal(4, c.Trials.Count(t => t.State == TrialStates.Complete)));
    }

    [Fact]
    public async Task Seeded_comparisons_take_one_to_ten_seeds_and_objectives_the_server_can_run_often()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var external = await host.Studies.CreateAsync(External("asked"));

        foreach (var seeds in new[] { 0, 11 })
        {
            var invalid = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CompareSamplersAsync(external.Id, seeds));
            Assert.Equal("seeds", invalid.Errors.Single().Field);
        }
        var refused = await Assert.ThrowsAsync<StudyOperationException>(() => host.Studies.CompareSamplersAsync(external.Id, 3));
        Assert.Equal(StudyErrorKind.Conflict, refused.Kind);
        Assert.Contains("external", refused.Message);
        Assert.Empty(await host.Studies.ListComparisonsAsync(external.Id));
        await Assert.ThrowsAsync<StudyOperationException>(() => host.Studies.CompareSamplersAsync(999, 3));
    }

    public void Dispose() => folder.Dispose();
}
