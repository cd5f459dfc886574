using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Tests;

public sealed class StudyQueryTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static StudyDefinition External(int budget) => new(
        "external-branin",
        new ObjectiveDefinition(ObjectiveDefinition.External),
        [new ParameterDefinition("x1", "float", -5, 10), new ParameterDefinition("x2", "float", 0, 15)],
        new SamplerDefinition("gp-ei", InitialPoints: 3, Seed: 2),
        "minimize",
        budget);

    [Fact]
    public async Task Ask_tell_posterior_best_and_csv_agree_with_the_values_told()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var id = (await host.Studies.CreateAsync(External(budget: 8))).Id;
        var told = new Dictionary<int, double>();
        for (var i = 0; i < 8; i++)
        {
            var trial = await host.Studies.AskAsync(id);
            var value = Math.Pow((double)trial.Params["x1"] - 1, 2) + (double)trial.Params["x2"];
            told[trial.Number] = value;
            await host.Studies.TellAsync(id, trial.Id, value, null);
        }

        var study = await host.Studies.GetAsync(id);
        var best = await host.Studies.BestAsync(id);
        var slice = await host.Studies.PosteriorAsync(id, "x1", "x2", 20);
        var csv = TrialsCsv.Write(study);

        Assert.Equal(StudyStates.Completed, study.State);
        var bestNumber = told.MinBy(kv => kv.Value).Key;
        Assert.Equal(bestNumber, best.TrialNumber);
        Assert.Equal(told[bestNumber], best.Value);
        Assert.Equal("minimize", best.Direction);
        Assert.Equal(20, slice.Mean.Length);
        Assert.All(slice.Mean, row => Assert.Equal(20, row.Length));
        Assert.Equal(8, slice.Observations.Count);
        Assert.Null(slice.NextCandidate); // a completed study proposes nothing more
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length);
        Assert.StartsWith("number,state,value,x1,x2,", lines[0]);
        await Assert.ThrowsAsync<StudyOperationException>(() => host.Studies.AskAsync(id));
    }

    [Fact]
    public async Task Telling_a_finished_trial_again_is_a_conflict_and_changes_nothing()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var id = (await host.Studies.CreateAsync(External(budget: 5))).Id;
        var trial = await host.Studies.AskAsync(id);
        await host.Studies.TellAsync(id, trial.Id, 1.5, null);

        var again = await Assert.ThrowsAsync<StudyOperationException>(() => host.Studies.TellAsync(id, trial.Id, 0.5, null));

        Assert.Equal(StudyErrorKind.Conflict, again.Kind);
        Assert.Equal(1.5, (await host.Studies.GetAsync(id)).Trials.Single().Value);
    }

    [Fact]
    public async Task Concurrent_asks_get_distinct_trials_and_parameters()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var id = (await host.Studies.CreateAsync(External(budget: 40))).Id;
        for (var i = 0; i < 4; i++)
        {
            var t = await host.Studies.AskAsync(id);
            await host.Studies.TellAsync(id, t.Id, (double)t.Params["x1"] + (double)t.Params["x2"], null);
        }

        var asked = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => host.Studies.AskAsync(id))));

        Assert.Equal(16, asked.Select(t => t.Number).Distinct().Count());
        Assert.Equal(16, asked.Select(t => $"{t.Params["x1"]}|{t.Params["x2"]}").Distinct().Count());
    }

    [Fact]
    public async Task Invalid_definitions_are_rejected_with_field_names_and_nothing_is_stored()
    {
        await using var host = await StudyHost.StartAsync(folder.Path);
        var bad = External(5) with
        {
            Parameters = [new ParameterDefinition("lr", "float", 1, 0.1, Log: true), new ParameterDefinition("", "int", 1, 3), new ParameterDefinition("c", "categorical", Choices: [])],
            Sampler = new SamplerDefinition("bogus"),
        };

        var e = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CreateAsync(bad));

        Assert.Contains(e.Errors, x => x.Field.StartsWith("parameters[0]", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Field.StartsWith("parameters[1]", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Field.StartsWith("parameters[2]", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Field.StartsWith("sampler", StringComparison.Ordinal));
        Assert.Empty(await host.Studies.ListAsync());
    }

    public void Dispose() => folder.Dispose();
}
