using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Objectives;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Tests;

/// <summary>Pruners acting on stored intermediate values: command trials that are stopped, asked trials across hosts
/// and restarts.</summary>
public sealed class PruningStudyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder folder = new();

    private static StudyDefinition External(PrunerDefinition pruner, int budget = 20) => new(
        "external-pruned",
        new ObjectiveDefinition(ObjectiveDefinition.External),
        [new ParameterDefinition("x", "float", 0, 1)],
        new SamplerDefinition("random", Seed: 3),
        "maximize",
        budget,
        Pruner: pruner);

    /// <summary>Curves of ten trials: each reports steps 1..4; trial i's level is a fixed pseudo-random number.</summary>
    private static double[] Curve(int trial) => Enumerable.Range(1, 4).Select(step => ((trial * 37) % 11) / 10.0 + step / 100.0).ToArray();

    /// <summary>Asks a trial, reports its curve until told to stop, tells it pruned or complete; the decisions made.</summary>
    private static async Task<List<bool>> RunTrialAsync(StudyService studies, int id, int trial)
    {
        var asked = await studies.AskAsync(id);
        var decisions = new List<bool>();
        var curve = Curve(trial);
        for (var step = 0; step < curve.Length; step++)
        {
            var prune = (await studies.ReportAsync(id, asked.Id, new IntermediateValue(step + 1, curve[step]))).ShouldPrune;
            decisions.Add(prune);
            if (prune)
            {
                await studies.TellAsync(id, asked.Id, null, null, pruned: true);
                return decisions;
            }
        }
        await studies.TellAsync(id, asked.Id, curve[^1], null);
        return decisions;
    }

    [Fact]
    public async Task A_study_with_pruning_makes_the_same_decisions_after_a_restart_and_across_hosts()
    {
        var pruner = new PrunerDefinition("median", StartupTrials: 3, WarmupSteps: 1);
        List<bool> straight = [];
        int straightId;
        await using (var host = await StudyHost.StartAsync(folder.Path, workers: 1))
        {
            straightId = (await host.Studies.CreateAsync(External(pruner))).Id;
            for (var t = 0; t < 10; t++) straight.AddRange(await RunTrialAsync(host.Studies, straightId, t));
        }

        List<bool> restarted = [];
        int id;
        await using (var first = await StudyHost.StartAsync(folder.Path, workers: 1))
        {
            id = (await first.Studies.CreateAsync(External(pruner))).Id;
            for (var t = 0; t < 5; t++) restarted.AddRange(await RunTrialAsync(first.Studies, id, t));
        }
        // After the restart, two hosts on the same database take turns.
        await using (var second = await StudyHost.StartAsync(folder.Path, workers: 1, workerName: "second"))
        await using (var third = await StudyHost.StartAsync(folder.Path, workers: 1, workerName: "third"))
        {
            for (var t = 5; t < 10; t++) restarted.AddRange(await RunTrialAsync(t % 2 == 0 ? second.Studies : third.Studies, id, t));
            var study = await second.Studies.GetAsync(id);
            Assert.Contains(study.Trials, x => x.State == TrialStates.Pruned);
            Assert.All(study.Trials.Where(x => x.State == TrialStates.Pruned), x => Assert.Equal(x.Intermediate[^1].Value, x.Value));
            Assert.True(study.StepsRun < study.StepsWithoutPruning);
        }

        Assert.Contains(true, straight);
        Assert.Equal(straight, restarted);
    }

    [Fact]
    public async Task A_command_trial_the_pruner_stops_ends_its_process_and_is_stored_as_pruned_at_its_last_step()
    {
        var commands = new Dictionary<string, CommandDefinition>
        {
            ["steps"] = new CommandDefinition { Executable = "python3", Arguments = [Path.Combine(AppContext.BaseDirectory, "TrialPrograms", "trial.py"), "--mode", "steps"] },
        };
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1, commands: commands, stopGrace: TimeSpan.FromSeconds(1));
        var definition = new StudyDefinition("asha", new ObjectiveDefinition(ObjectiveDefinition.CommandKind, Command: "steps"),
            [new ParameterDefinition("x", "float", 0, 1)], new SamplerDefinition("random"), "maximize", 3,
            Pruner: new PrunerDefinition("asha", MinResource: 1, ReductionFactor: 3));
        var id = (await host.Studies.CreateAsync(definition)).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);

        Assert.Equal(TrialStates.Complete, study.Trials[0].State);
        Assert.Equal(5, study.Trials[0].Intermediate.Count);
        foreach (var pruned in study.Trials.Skip(1))
        {
            Assert.Equal(TrialStates.Pruned, pruned.State);
            var last = Assert.Single(pruned.Intermediate);
            Assert.Equal(1, last.Step);
            Assert.Equal(last.Value, pruned.Value);
            var pid = int.Parse(File.ReadAllText(Path.Combine(StudyHost.TrialsFolder(folder.Path), $"study-{id}", $"trial-{pruned.Number}", "pids")),
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z", $"pruned trial's process {pid} is still running");
        }
        Assert.Equal(7, study.StepsRun);
        Assert.Equal(15, study.StepsWithoutPruning);
    }

    [Fact]
    public async Task Pruner_settings_are_validated_and_defaults_filled_in()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1);
        var bad = External(new PrunerDefinition("asha", ReductionFactor: 1));
        var e = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CreateAsync(bad));
        Assert.Contains(e.Errors, x => x.Field == "pruner.reductionFactor");
        e = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CreateAsync(External(new PrunerDefinition("hyperband"))));
        Assert.Contains(e.Errors, x => x.Field == "pruner.maxResource");

        var study = await host.Studies.CreateAsync(External(new PrunerDefinition("median")));
        Assert.Equal(new PrunerDefinition("median", StartupTrials: 5, WarmupSteps: 0), study.Pruner);
        Assert.Equal("none", (await host.Studies.CreateAsync(External(null!) with { Pruner = null })).Pruner!.Name);
    }

    public void Dispose() => folder.Dispose();
}
