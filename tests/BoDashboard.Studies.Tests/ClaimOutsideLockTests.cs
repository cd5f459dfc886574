using BoDashboard.Optimization;
using BoDashboard.Optimization.Samplers;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Persistence;
using BoDashboard.Studies.Running;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Tests;

/// <summary>A suggestion (the GP fit) is made holding no database lock; the claim written afterwards checks that no
/// trial was added meanwhile, and makes the suggestion again if one was.</summary>
public sealed class ClaimOutsideLockTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static StudyDefinition External(string name) => new(name, new ObjectiveDefinition(ObjectiveDefinition.External),
        [new ParameterDefinition("x", "float", 0, 1)], new SamplerDefinition("random"), "maximize", 10);

    /// <summary>Runs <see cref="During"/> while each suggestion is being made (call number from 1).</summary>
    private sealed class ObservedSuggester : TrialSuggester
    {
        public Action<int> During { get; set; } = _ => { };
        public int Calls { get; private set; }

        public override Suggestion Suggest(ValidatedStudy study, IReadOnlyList<TrialRecord> history)
        {
            During(++Calls);
            return base.Suggest(study, history);
        }
    }

    [Fact]
    public async Task Another_study_can_write_while_a_suggestion_is_being_made()
    {
        var suggester = new ObservedSuggester();
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 0, suggester: suggester);
        var asked = (await host.Studies.CreateAsync(External("asked"))).Id;
        var other = (await host.Studies.CreateAsync(External("other"))).Id;
        Exception? blocked = null;
        suggester.During = _ =>
        {
            // Another process writing with a 1 s busy timeout: it fails if the suggestion holds SQLite's write lock.
            try
            {
                using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "studies.db")};Default Timeout=1");
                connection.Open();
                using var update = connection.CreateCommand();
                update.CommandText = $"UPDATE studies SET \"Name\" = 'other, renamed' WHERE \"Id\" = {other}";
                update.ExecuteNonQuery();
            }
            catch (SqliteException e) { blocked = e; }
        };

        var trial = await host.Studies.AskAsync(asked);

        Assert.Null(blocked);
        Assert.Equal(0, trial.Number);
        Assert.Equal("other, renamed", (await host.Studies.GetAsync(other)).Name);
    }

    [Fact]
    public async Task A_trial_added_while_the_suggestion_was_made_makes_the_claim_suggest_again_and_take_the_next_number()
    {
        var suggester = new ObservedSuggester();
        await using var host = await StudyHost.StartAsync(folder.Path, workers: 0, suggester: suggester);
        var id = (await host.Studies.CreateAsync(External("asked"))).Id;
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<StudiesDbContext>>();
        // Another process asks while the first suggestion is being made (and, below, while every one is).
        var racing = 1;
        suggester.During = call =>
        {
            if (call > racing) return;
            using var db = dbFactory.CreateDbContext();
            var number = db.Trials.Count(t => t.StudyId == id);
            db.Trials.Add(new TrialEntity { StudyId = id, Number = number, ParamsJson = "{\"x\":0.5}", State = "running", WorkerName = TrialScheduler.ExternalWorker, StartedAt = DateTime.UtcNow });
            db.SaveChanges();
        };

        var trial = await host.Studies.AskAsync(id);
        Assert.Equal(2, suggester.Calls);
        Assert.Equal(1, trial.Number);

        // A study that keeps changing: after the bounded attempts the suggestion is made under the lock.
        racing = suggester.Calls + TrialScheduler.SuggestionAttempts;
        var before = suggester.Calls;
        var last = await host.Studies.AskAsync(id);
        Assert.Equal(TrialScheduler.SuggestionAttempts + 1, suggester.Calls - before);
        Assert.Equal(2 + TrialScheduler.SuggestionAttempts, last.Number);
        var numbers = (await host.Studies.GetAsync(id)).Trials.Select(t => t.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
    }

    public void Dispose() => folder.Dispose();
}
