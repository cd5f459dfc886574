using System.Diagnostics;
using System.Text.Json;
using BoDashboard.Studies.Commands;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Studies.Tests;

/// <summary>Command objectives with real processes (a Python test program), real Hangfire and a temporary SQLite.</summary>
public sealed class CommandStudyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "TrialPrograms", "trial.py");
    private readonly TempFolder folder = new();

    private static Dictionary<string, CommandDefinition> Commands(double timeoutSeconds = 30) => new()
    {
        ["trial"] = new CommandDefinition { Executable = "python3", Arguments = [Program, "--mode", "{mode}"], TimeoutSeconds = timeoutSeconds },
        ["trial-x"] = new CommandDefinition { Executable = "python3", Arguments = [Program, "--mode", "{mode}", "--x", "{x}"], TimeoutSeconds = timeoutSeconds },
    };

    /// <summary>With the grid sampler and no <paramref name="withX"/>, each mode runs exactly once.</summary>
    private static StudyDefinition Study(IReadOnlyList<string> modes, int? budget = null, string sampler = "grid", bool withX = false) => new(
        "command",
        new ObjectiveDefinition(ObjectiveDefinition.CommandKind, Command: withX ? "trial-x" : "trial"),
        withX
            ? [new ParameterDefinition("mode", "categorical", Choices: modes), new ParameterDefinition("x", "float", 1, 2)]
            : [new ParameterDefinition("mode", "categorical", Choices: modes)],
        new SamplerDefinition(sampler, InitialPoints: 2, Seed: 0),
        "maximize",
        budget ?? modes.Count,
        MaxConsecutiveFailures: 20);

    [Fact]
    public async Task A_command_trial_reports_intermediate_values_and_a_result_and_gets_its_parameters()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1, commands: Commands());
        var id = (await host.Studies.CreateAsync(Study(["ok"], budget: 2, sampler: "random", withX: true))).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);

        Assert.All(study.Trials, t =>
        {
            Assert.Equal(TrialStates.Complete, t.State);
            var x = (double)t.Params["x"];
            Assert.Equal(x * 10, t.Value!.Value, 12);
            Assert.Equal([0, 1, 2], t.Intermediate.Select(v => v.Step));
            Assert.Equal([x, 2 * x, 3 * x], t.Intermediate.Select(v => v.Value));
            Assert.Equal(0.5, t.Intermediate[1].Metrics!["loss"]);
            Assert.Contains("step 2 done", t.LogTail);
            Assert.DoesNotContain("bo:", t.LogTail);

            var received = Received(study.Id, t.Number);
            Assert.Equal(["--mode", "ok", "--x", TrialCommandLine.Format(x)], received.Argv);
            Assert.Equal(TrialCommandLine.Format(x), received.Env["BO_PARAM_X"]);
            Assert.Equal("ok", received.Env["BO_PARAM_MODE"]);
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Env["BO_STUDY_ID"]);
            Assert.Equal(t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Env["BO_TRIAL_NUMBER"]);
            var all = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(received.Env["BO_PARAMS"])!;
            Assert.Equal(x, all["x"].GetDouble());
            Assert.True(File.Exists(Path.Combine(TrialFolder(study.Id, t.Number), "trial.log")));
        });
    }

    [Fact]
    public async Task Every_way_a_program_can_fail_gives_a_failed_trial_that_says_which_and_the_study_goes_on()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1, commands: Commands(timeoutSeconds: 3), stopGrace: TimeSpan.FromSeconds(1));
        var id = (await host.Studies.CreateAsync(Study(["exit3", "noresult", "nan", "segv", "hang", "ok"]))).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);

        string Error(string mode) => study.Trials.Single(t => (string)t.Params["mode"] == mode).Error ?? "";
        Assert.Equal(6, study.Trials.Count);
        Assert.Equal(TrialStates.Complete, study.Trials.Single(t => (string)t.Params["mode"] == "ok").State);
        Assert.All(study.Trials.Where(t => (string)t.Params["mode"] != "ok"), t => Assert.Equal(TrialStates.Failed, t.State));
        Assert.Contains("exited with code 3", Error("exit3"));
        Assert.Contains("something went wrong: boom", Error("exit3"));
        Assert.Contains("printed no result line", Error("noresult"));
        Assert.Contains("not a finite number (NaN)", Error("nan"));
        Assert.Contains("killed by SIGSEGV", Error("segv"));
        Assert.Contains("timed out after 3 s", Error("hang"));
        var hang = study.Trials.Single(t => (string)t.Params["mode"] == "hang");
        await AssertGoneAsync(Pids(study.Id, hang.Number));
    }

    [Fact]
    public async Task Cancel_ends_the_whole_process_tree_even_when_the_program_ignores_SIGTERM()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1, commands: Commands(), stopGrace: TimeSpan.FromSeconds(1));
        var id = (await host.Studies.CreateAsync(Study(["tree"], budget: 1))).Id;
        var pidFile = Path.Combine(TrialFolder(id, 0), "pids");
        await host.WaitForAsync(id, s => File.Exists(pidFile) && s.Trials.Any(t => t.Intermediate.Count > 0), Patience);
        var pids = Pids(id, 0);
        Assert.All(pids, pid => Assert.True(IsAlive(pid)));

        await host.Studies.CancelAsync(id);

        await AssertGoneAsync(pids);
        var study = await host.Studies.GetAsync(id);
        Assert.Equal(StudyStates.Cancelled, study.State);
        Assert.Equal(TrialStates.Cancelled, Assert.Single(study.Trials).State);
    }

    [Fact]
    public async Task A_study_that_fails_ends_its_other_running_trials_and_their_processes()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 2, commands: Commands(), stopGrace: TimeSpan.FromSeconds(1));
        // Trial 0 hangs (a process tree); the others fail at once until two failures in a row fail the study.
        var definition = Study(["first-hangs"], budget: 10) with { Parallelism = 2, MaxConsecutiveFailures = 2 };
        var id = (await host.Studies.CreateAsync(definition)).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Failed, Patience);

        var tree = study.Trials.Single(t => t.Number == 0);
        var deadline = DateTime.UtcNow + Patience;
        while (!File.Exists(Path.Combine(TrialFolder(id, tree.Number), "pids")) && DateTime.UtcNow < deadline) await Task.Delay(50);
        await AssertGoneAsync(Pids(id, tree.Number));
        study = await host.Studies.GetAsync(id);
        Assert.DoesNotContain(study.Trials, t => t.State == TrialStates.Running);
        Assert.Equal(TrialStates.Cancelled, study.Trials.Single(t => t.Number == tree.Number).State);
    }

    [Fact]
    public async Task Awkward_parameter_values_reach_the_program_literally()
    {
        string[] awkward = ["two words", "quote \" and ' apostrophe", "semi; colon", "$(touch /tmp/bo-pwned)", "back`tick`", "{x}"];
        var commands = new Dictionary<string, CommandDefinition>
        {
            ["echo"] = new CommandDefinition { Executable = "python3", Arguments = [Program, "--mode", "ok", "--choice", "{choice}"] },
        };
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1, commands: commands);
        var definition = new StudyDefinition("awkward", new ObjectiveDefinition(ObjectiveDefinition.CommandKind, Command: "echo"),
            [new ParameterDefinition("choice", "categorical", Choices: awkward)],
            new SamplerDefinition("grid"), "maximize", awkward.Length);
        var id = (await host.Studies.CreateAsync(definition)).Id;

        var study = await host.WaitForStateAsync(id, StudyStates.Completed, Patience);

        Assert.Equal(awkward.Order(), study.Trials.Select(t => (string)t.Params["choice"]).Order());
        Assert.All(study.Trials, t =>
        {
            Assert.Equal(TrialStates.Complete, t.State);
            var received = Received(id, t.Number);
            Assert.Equal((string)t.Params["choice"], received.Argv[3]);
            Assert.Equal((string)t.Params["choice"], received.Env["BO_PARAM_CHOICE"]);
        });
        Assert.False(File.Exists("/tmp/bo-pwned"));
    }

    [Fact]
    public async Task An_unknown_command_or_a_placeholder_without_a_parameter_is_rejected_with_the_known_names()
    {
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 1, commands: Commands());
        var unknown = Study(["ok"]) with { Objective = new ObjectiveDefinition(ObjectiveDefinition.CommandKind, Command: "nope") };
        var e = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CreateAsync(unknown));
        Assert.Contains(e.Errors, x => x.Field == "objective.command" && x.Message.Contains("configured with: trial, trial-x"));

        var missing = Study(["ok"], withX: true) with { Parameters = [new ParameterDefinition("x", "float", 1, 2)] };
        e = await Assert.ThrowsAsync<StudyValidationException>(() => host.Studies.CreateAsync(missing));
        Assert.Contains(e.Errors, x => x.Field == "parameters" && x.Message.Contains("{mode}"));
        Assert.Empty(await host.Studies.ListAsync());
    }

    [Fact]
    public async Task A_guard_whose_worker_is_killed_ends_its_trial_within_seconds()
    {
        var pidFile = Path.Combine(folder.Path, "guard");
        var parent = new ProcessStartInfo("python3") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "TrialPrograms", "parent.py"), pidFile } };
        foreach (var a in new[] { StudyHost.CliHost.Executable }.Concat(StudyHost.CliHost.PrefixArguments).Append(Processes.ProcessGroupGuard.Verb))
            parent.ArgumentList.Add(a);
        using var worker = Process.Start(parent)!;
        var deadline = DateTime.UtcNow + Patience;
        while (!File.Exists(pidFile + ".trial") && DateTime.UtcNow < deadline) await Task.Delay(50);
        var trial = int.Parse(File.ReadAllText(pidFile + ".trial"), System.Globalization.CultureInfo.InvariantCulture);
        var guard = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsAlive(trial));

        worker.Kill();
        var killed = Stopwatch.StartNew();

        await AssertGoneAsync([trial, guard]);
        Assert.InRange(killed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    private string TrialFolder(int studyId, int number) => Path.Combine(StudyHost.TrialsFolder(folder.Path), $"study-{studyId}", $"trial-{number}");

    private (List<string> Argv, Dictionary<string, string> Env) Received(int studyId, int number)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TrialFolder(studyId, number), "received.json")));
        return (doc.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToList(),
            doc.RootElement.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    private int[] Pids(int studyId, int number) =>
        File.ReadAllText(Path.Combine(TrialFolder(studyId, number), "pids")).Split(' ').Select(int.Parse).ToArray();

    /// <summary>Alive and not a zombie (a killed process whose parent has not collected it yet is gone for us).</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() != 'Z';
        }
        catch (IOException) { return false; }
    }

    private static async Task AssertGoneAsync(IReadOnlyList<int> pids)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (pids.Any(IsAlive) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"process {pid} is still running"));
    }

    public void Dispose() => folder.Dispose();
}
