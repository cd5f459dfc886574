using BoDashboard.Optimization;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Running;

namespace BoDashboard.Studies.Tests;

/// <summary>An ask reads only the trial columns a sampler uses (TrialHistory.ForSampler); the history it hands the
/// sampler must still carry every trial's number, state, value and parameters.</summary>
public sealed class SuggestionHistoryTests : IDisposable
{
    private readonly TempFolder folder = new();

    private sealed class RecordingSuggester : TrialSuggester
    {
        public IReadOnlyList<TrialRecord> Last { get; private set; } = [];

        public override Suggestion Suggest(ValidatedStudy study, IReadOnlyList<TrialRecord> history)
        {
            Last = history;
            return base.Suggest(study, history);
        }
    }

    [Fact]
    public async Task The_sampler_sees_every_trials_number_state_value_and_parameters()
    {
        var suggester = new RecordingSuggester();
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 0, suggester: suggester);
        var id = (await host.Studies.CreateAsync(new StudyDefinition("history", new ObjectiveDefinition(ObjectiveDefinition.External),
            [new ParameterDefinition("x", "float", 0, 1), new ParameterDefinition("n", "int", 1, 9)], new SamplerDefinition("random"), "maximize", 10))).Id;
        var completed = await host.Studies.AskAsync(id);
        await host.Studies.TellAsync(id, completed.Id, 0.25, null);
        var failed = await host.Studies.AskAsync(id);
        await host.Studies.TellAsync(id, failed.Id, null, "diverged");
        var running = await host.Studies.AskAsync(id);

        await host.Studies.AskAsync(id);

        var history = suggester.Last;
        Assert.Equal([0, 1, 2], history.Select(t => t.Number));
        Assert.Equal([TrialState.Complete, TrialState.Failed, TrialState.Running], history.Select(t => t.State));
        Assert.Equal([0.25, null, null], history.Select(t => t.Value));
        foreach (var (record, asked) in history.Zip(new[] { completed, failed, running }))
        {
            Assert.Equal(asked.Params["x"], record.Params["x"]);
            Assert.Equal(asked.Params["n"], record.Params["n"]);
        }
    }

    public void Dispose() => folder.Dispose();
}
